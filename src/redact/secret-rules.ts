/**
 * The rule table: one entry per credential format with a recognisable shape. Formats follow the providers' own
 * documentation and the rule sets of gitleaks and secretlint (re-written here, no code copied). One cohesive table,
 * so the file is long on purpose.
 */
import { isPlaceholder, isPublicShape, shannonEntropy } from './secret-values.js';

/** One credential format. */
export interface SecretRule {
  /** Shown in the marker: `[REDACTED:<id>]`. kebab-case. */
  readonly id: string;
  /**
   * Lower-case literals; the rule runs only when one occurs in the lower-cased text. This is the cheap prefilter
   * that makes files without candidates cost a few `includes` calls.
   */
  readonly keywords: readonly string[];
  /** Global, with indices (`gd`). The `secret` group, or the whole match without one, is what gets redacted. */
  readonly pattern: RegExp;
  /** Last check on the text to redact; false keeps it. */
  readonly accept?: (secret: string, groups: Readonly<Record<string, string | undefined>>) => boolean;
}

/**
 * Runs of the same character this long mark a filled-in template (`T00000000`, `XXXXXXXX`) rather than a key:
 * random keys of the lengths below repeat a character 8 times in a row with negligible probability.
 */
const TEMPLATE_RUN = /(.)\1{7}/;

/** A specific-format token that is really a documentation template (`xoxb-XXXX…`, `ghp_<your token>`). */
function isFilledIn(secret: string): boolean {
  const lower = secret.toLowerCase();
  return !(TEMPLATE_RUN.test(secret) || /xxxx|\*\*\*\*|example|your|<|>|\.\.\./.test(lower));
}

/**
 * Minimum entropy (bits per character) of a token found only by its context (`Bearer …`, `_authToken=…`). Random
 * base64/base62 tokens of 20+ characters score ≥ 3.4 (minimum over 2,000 random samples), English words and
 * identifiers of that length 2.7–3.4; 3.2 keeps every random token and drops most words.
 */
export const CONTEXT_TOKEN_MIN_ENTROPY = 3.2;

function isRandomToken(secret: string): boolean {
  return isFilledIn(secret) && !isPlaceholder(secret) && !isPublicShape(secret) && /\d/.test(secret) &&
    shannonEntropy(secret) >= CONTEXT_TOKEN_MIN_ENTROPY;
}

/**
 * AWS publishes non-working example credentials (`…7EXAMPLE`, `…EXAMPLEKEY`) for its documentation. They carry the
 * word in themselves, so they can be told from live keys by their text alone, and gitleaks allowlists them too:
 * redacting them would report a leak in every tutorial that quotes them.
 */
function isLiveAwsKey(secret: string): boolean {
  return !/EXAMPLE(?:KEY)?$/.test(secret) && isFilledIn(secret);
}

/** A PEM block with a body: a header quoted in prose (`-----BEGIN RSA PRIVATE KEY-----\n...`) is not a key. */
function hasKeyBody(block: string): boolean {
  return /[A-Za-z0-9+/]{40,}/.test(block);
}

const ASSIGN = String.raw`["']?\s*(?::=|=>|=|:)\s*["']?`;

/** Specific formats, most specific first: when two rules match the same text, the earlier one names it. */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'gcp-service-account-key',
    keywords: ['private_key'],
    pattern: /"private_key"\s*:\s*"(?<secret>-----BEGIN[^"]*)"/dg,
    accept: hasKeyBody,
  },
  {
    id: 'private-key',
    keywords: ['private key'],
    pattern:
      /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\:,-]*)/dg,
    accept: hasKeyBody,
  },
  {
    id: 'putty-private-key',
    keywords: ['private-lines'],
    pattern: /Private-Lines: \d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n?)+/dg,
  },
  { id: 'age-secret-key', keywords: ['age-secret-key-1'], pattern: /\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b/dg },
  {
    id: 'aws-access-key',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/dg,
    accept: isLiveAwsKey,
  },
  {
    id: 'aws-secret-key',
    keywords: ['aws', 'secretaccesskey', 'secret_access_key'],
    pattern: new RegExp(
      String.raw`(?:aws[\w.-]{0,20}?(?:secret|sk)|secret_?access_?key)[\w.-]{0,20}${ASSIGN}(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'dgi',
    ),
    accept: (secret) => isLiveAwsKey(secret) && shannonEntropy(secret) >= CONTEXT_TOKEN_MIN_ENTROPY,
  },
  {
    id: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,251}\b/dg,
    accept: isFilledIn,
  },
  { id: 'github-token', keywords: ['github_pat_'], pattern: /\bgithub_pat_[A-Za-z0-9_]{50,255}\b/dg, accept: isFilledIn },
  {
    id: 'gitlab-token',
    keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glsoat-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glft-'],
    pattern: /\bgl(?:pat|ptt|dt|rt|soat|cbt|imt|agent|oas|ft)-[A-Za-z0-9_-]{20,}/dg,
    accept: isFilledIn,
  },
  {
    id: 'slack-token',
    keywords: ['xox', 'xapp-'],
    pattern: /\b(?:xox[abposre]-(?:\d+-)?[A-Za-z0-9-]{10,}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)/dg,
    accept: isFilledIn,
  },
  {
    id: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{8,}(?:\/[A-Za-z0-9+/_-]{8,}){1,2}/dg,
    accept: isFilledIn,
  },
  {
    id: 'discord-webhook',
    keywords: ['discord'],
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{60,}/dg,
    accept: isFilledIn,
  },
  {
    id: 'discord-bot-token',
    keywords: ['discord', 'bot', 'token'],
    pattern: /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/dg,
    accept: isRandomToken,
  },
  { id: 'telegram-bot-token', keywords: [':aa'], pattern: /\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b/dg, accept: isFilledIn },
  {
    id: 'stripe-key',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'],
    pattern: /\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}|whsec_[A-Za-z0-9+/]{32,})\b/dg,
    accept: isFilledIn,
  },
  { id: 'google-api-key', keywords: ['aiza'], pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dg, accept: isFilledIn },
  { id: 'google-oauth-secret', keywords: ['gocspx-'], pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}\b/dg, accept: isFilledIn },
  { id: 'anthropic-key', keywords: ['sk-ant-'], pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/dg, accept: isFilledIn },
  {
    id: 'openai-key',
    keywords: ['sk-'],
    pattern:
      /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/dg,
    accept: isFilledIn,
  },
  { id: 'huggingface-token', keywords: ['hf_'], pattern: /\bhf_[A-Za-z]{34}\b/dg, accept: isRandomTokenLetters },
  { id: 'npm-token', keywords: ['npm_'], pattern: /\bnpm_[A-Za-z0-9]{36}\b/dg, accept: isFilledIn },
  {
    id: 'npmrc-auth',
    keywords: ['_auth', '_password'],
    // In .npmrc these keys start a line or follow the registry scope (`//registry.npmjs.org/:_authToken=`).
    pattern: /(?:^|:)(?:_authToken|_auth|_password)\s*=\s*["']?(?<secret>[^\s"'$][^\s"']{7,})/dgm,
    accept: (secret) => isFilledIn(secret) && !isPlaceholder(secret),
  },
  { id: 'pypi-token', keywords: ['pypi-age'], pattern: /\bpypi-AgE[A-Za-z0-9_-]{70,}/dg, accept: isFilledIn },
  { id: 'twilio-api-key', keywords: ['sk'], pattern: /\bSK[0-9a-fA-F]{32}\b/dg, accept: isFilledIn },
  {
    id: 'sendgrid-key',
    keywords: ['sg.'],
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/dg,
    accept: isFilledIn,
  },
  { id: 'mailgun-key', keywords: ['key-'], pattern: /\bkey-[0-9a-f]{32}\b/dg, accept: isFilledIn },
  { id: 'mailchimp-key', keywords: ['-us'], pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/dg, accept: isFilledIn },
  {
    id: 'azure-storage-key',
    keywords: ['accountkey=', 'sharedaccesskey='],
    pattern: /(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{40,}={0,2})/dg,
    accept: isFilledIn,
  },
  {
    id: 'heroku-api-key',
    keywords: ['heroku', 'hrku-'],
    pattern: new RegExp(
      String.raw`\bHRKU-[A-Za-z0-9_-]{60}\b|heroku[\w.-]{0,20}${ASSIGN}(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`,
      'dgi',
    ),
    accept: isFilledIn,
  },
  {
    id: 'digitalocean-token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: /\bdo[por]_v1_[a-f0-9]{64}\b/dg,
    accept: isFilledIn,
  },
  {
    id: 'shopify-token',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/dg,
    accept: isFilledIn,
  },
  { id: 'vault-token', keywords: ['hvs.', 'hvb.', 'hvr.'], pattern: /\bhv[sbr]\.[A-Za-z0-9_-]{24,}/dg, accept: isFilledIn },
  { id: 'databricks-token', keywords: ['dapi'], pattern: /\bdapi[a-f0-9]{32}(?:-\d)?\b/dg, accept: isFilledIn },
  { id: 'postman-key', keywords: ['pmak-'], pattern: /\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/dg, accept: isFilledIn },
  {
    id: 'grafana-token',
    keywords: ['glsa_', 'glc_'],
    pattern: /\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})/dg,
    accept: isFilledIn,
  },
  { id: 'newrelic-key', keywords: ['nrak-'], pattern: /\bNRAK-[A-Z0-9]{27}\b/dg, accept: isFilledIn },
  { id: 'linear-key', keywords: ['lin_api_'], pattern: /\blin_api_[A-Za-z0-9]{40}\b/dg, accept: isFilledIn },
  { id: 'atlassian-token', keywords: ['atatt3'], pattern: /\bATATT3[A-Za-z0-9_\-=]{150,}/dg, accept: isFilledIn },
  {
    id: 'square-token',
    keywords: ['sq0atp-', 'sq0csp-'],
    pattern: /\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,60}\b/dg,
    accept: isFilledIn,
  },
  { id: 'jwt', keywords: ['eyj'], pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/dg },
  {
    id: 'database-url',
    keywords: ['://'],
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|oracle)(?:\+[a-z0-9]+)?:\/\/(?<user>[^\s:/@'"`]*):(?<secret>[^\s@/'"`]+)@/dgi,
    accept: isUrlPassword,
  },
  {
    id: 'url-credentials',
    keywords: ['://'],
    pattern: /\b(?:https?|ftps?|sftp|ssh|git|smtps?|ldaps?):\/\/(?<user>[^\s:/@'"`]+):(?<secret>[^\s@/'"`]+)@[A-Za-z0-9[]/dgi,
    accept: isUrlPassword,
  },
  {
    id: 'authorization-header',
    keywords: ['bearer', 'authorization'],
    pattern: /(?:\bBearer|\bauthorization["']?\s*[:=]\s*["']?(?:Basic|Token|Bot))\s+(?<secret>[A-Za-z0-9_\-.=~+/]{20,})/dgi,
    accept: isRandomToken,
  },
];

/**
 * A password in a URL, unless a placeholder or the user name again: `postgres:postgres@localhost`, `guest:guest@`
 * are the stock local defaults of the servers' images, not secrets of the project.
 */
function isUrlPassword(secret: string, groups: Readonly<Record<string, string | undefined>>): boolean {
  return !isPlaceholder(secret) && isFilledIn(secret) && secret !== groups.user;
}

/** Hugging Face tokens are letters only; the generic digit requirement would drop every one. */
function isRandomTokenLetters(secret: string): boolean {
  return isFilledIn(secret) && shannonEntropy(secret) >= CONTEXT_TOKEN_MIN_ENTROPY;
}
