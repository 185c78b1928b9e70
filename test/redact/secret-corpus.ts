/**
 * The secret corpus: realistic files that hold a credential, and look-alikes that must stay untouched. Every fake
 * credential is assembled at run time from a seeded generator and split prefixes, so this repository never contains
 * a string that a secret scanner would take for a live key.
 */
import { mulberry32, randomInt } from '../helpers/prng.js';

/** A file with credentials: each string in `secrets` must be gone from the redacted text. */
export interface SecretFixture {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly secrets: readonly string[];
}

/** A file with nothing to redact. */
export interface LookAlikeFixture {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const BASE64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';

const random = mulberry32(0x5ec2e7);
/** `length` characters drawn from `alphabet` by the seeded generator. */
function fake(alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += alphabet[randomInt(random, alphabet.length)];
  return text;
}
/** Joins pieces: keeps prefixes like `gh` + `p_` apart in the source. */
const join = (...pieces: string[]): string => pieces.join('');

function pemBody(lines: number): string {
  return Array.from({ length: lines }, () => fake(BASE64, 64)).join('\n');
}

function buildSecrets(): SecretFixture[] {
  const awsId = join('AK', 'IA', fake(UPPER + '234567', 16));
  const awsSecret = fake(BASE64, 40);
  const ghp = join('gh', 'p_', fake(ALNUM, 36));
  const gho = join('gh', 'o_', fake(ALNUM, 36));
  const ghs = join('gh', 's_', fake(ALNUM, 36));
  const pat = join('github', '_pat_', fake(ALNUM, 22), '_', fake(ALNUM, 59));
  const glpat = join('gl', 'pat-', fake(URLSAFE, 20));
  const slackBot = join('xo', 'xb-', fake(DIGITS, 12), '-', fake(DIGITS, 13), '-', fake(ALNUM, 24));
  const slackUser = join('xo', 'xp-', fake(DIGITS, 12), '-', fake(DIGITS, 12), '-', fake(DIGITS, 13), '-', fake(HEX, 32));
  const slackHook = join('https://hooks.', 'slack.com/services/T', fake(UPPER + DIGITS, 8), '/B', fake(UPPER + DIGITS, 10), '/', fake(ALNUM, 24));
  const stripe = join('sk', '_live_', fake(ALNUM, 24));
  const stripeRestricted = join('rk', '_live_', fake(ALNUM, 24));
  const google = join('AI', 'za', fake(URLSAFE, 35));
  const rsaBody = pemBody(6);
  const ecBody = pemBody(3);
  const opensshBody = pemBody(5);
  const pgpBody = pemBody(4);
  const encBody = pemBody(5);
  const gcpBody = pemBody(4).split('\n').join('\\n');
  const jwt = join('ey', 'J', fake(URLSAFE, 30), '.ey', 'J', fake(URLSAFE, 60), '.', fake(URLSAFE, 43));
  const npm = join('np', 'm_', fake(ALNUM, 36));
  const npmrcToken = fake(HEX, 8) + '-' + fake(HEX, 4) + '-' + fake(HEX, 4) + '-' + fake(HEX, 4) + '-' + fake(HEX, 12);
  const pypi = join('py', 'pi-', 'AgEIcHlwaS5vcmc', fake(URLSAFE, 120));
  const openaiProject = join('s', 'k-', 'proj-', fake(URLSAFE, 74), 'T3Blbk', 'FJ', fake(URLSAFE, 74));
  const openaiLegacy = join('s', 'k-', fake(ALNUM, 20), 'T3Blbk', 'FJ', fake(ALNUM, 20));
  const anthropic = join('s', 'k-', 'ant-', 'api03-', fake(URLSAFE, 93), 'AA');
  const twilio = join('S', 'K', fake(HEX, 32));
  const sendgrid = join('S', 'G.', fake(URLSAFE, 22), '.', fake(URLSAFE, 43));
  const mailgun = join('ke', 'y-', fake(HEX, 32));
  const azure = fake(BASE64, 86) + '==';
  const pgPassword = fake(ALNUM, 18);
  const mysqlPassword = fake(ALNUM, 14) + '!';
  const mongoPassword = fake(ALNUM, 20);
  const redisPassword = fake(ALNUM, 32);
  const basicAuth = fake(ALNUM, 16);
  const heroku = join('HR', 'KU-', fake(URLSAFE, 60));
  const herokuUuid = [8, 4, 4, 4, 12].map((length) => fake(HEX, length)).join('-');
  const digitalocean = join('do', 'p_v1_', fake(HEX, 64));
  const shopify = join('shp', 'at_', fake(HEX, 32));
  const vault = join('hv', 's.', fake(URLSAFE, 90));
  const discord = join('M', fake(ALNUM, 25), '.', fake(URLSAFE, 6), '.', fake(URLSAFE, 38));
  const telegram = join(fake(DIGITS, 10), ':A', 'A', fake(URLSAFE, 33));
  const hf = join('h', 'f_', fake(UPPER + LOWER, 34));
  const djangoKey = join('django-', 'insecure-', fake(ALNUM + '!@#%^&*(-_=+)', 50));
  const envSecret = fake(ALNUM, 40);
  const yamlPassword = fake(ALNUM, 12) + '#' + fake(DIGITS, 3);
  const jsonSecret = fake(HEX, 64);
  const goKey = fake(ALNUM, 32);
  const bearer = fake(URLSAFE, 40) + fake(DIGITS, 2);
  const dockerAuth = fake(BASE64, 40) + '=';
  const phpPassword = fake(ALNUM, 10) + '$' + fake(DIGITS, 2);
  const tomlToken = fake(ALNUM, 28);
  const grafana = join('gl', 'sa_', fake(ALNUM, 32), '_', fake(HEX, 8));
  const databricks = join('da', 'pi', fake(HEX, 32));

  return [
    { name: 'AWS credentials file', path: '.aws/credentials', text: `[default]\naws_access_key_id = ${awsId}\naws_secret_access_key = ${awsSecret}\nregion = eu-west-1\n`, secrets: [awsId, awsSecret] },
    { name: 'AWS key in Python boto3 client', path: 'scripts/upload.py', text: `import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="${awsId}",\n    region_name="us-east-1",\n)\n`, secrets: [awsId] },
    { name: 'GitHub PAT in a shell script', path: 'deploy.sh', text: `#!/bin/sh\ncurl -H "Authorization: token ${ghp}" https://api.github.com/user\n`, secrets: [ghp] },
    { name: 'GitHub OAuth token in JSON', path: 'config/github.json', text: `{\n  "oauth": "${gho}",\n  "org": "acme"\n}\n`, secrets: [gho] },
    { name: 'GitHub app token in a workflow', path: '.github/workflows/release.yml', text: `env:\n  GH_TOKEN: ${ghs}\n`, secrets: [ghs] },
    { name: 'GitHub fine-grained PAT', path: 'tools/.netrc.sample.txt', text: `machine github.com login bot password ${pat}\n`, secrets: [pat] },
    { name: 'GitLab PAT in CI config', path: '.gitlab-ci.yml', text: `variables:\n  GITLAB_TOKEN: "${glpat}"\n`, secrets: [glpat] },
    { name: 'Slack bot token in TypeScript', path: 'src/slack.ts', text: `const client = new WebClient('${slackBot}');\n`, secrets: [slackBot] },
    { name: 'Slack user token in a notebook cell', path: 'notebooks/notify.py', text: `SLACK = "${slackUser}"\n`, secrets: [slackUser] },
    { name: 'Slack webhook in Go', path: 'notify/slack.go', text: `package notify\n\nconst webhook = "${slackHook}"\n`, secrets: [slackHook] },
    { name: 'Stripe live secret key in Ruby', path: 'config/initializers/stripe.rb', text: `Stripe.api_key = '${stripe}'\n`, secrets: [stripe] },
    { name: 'Stripe restricted key in .env.production', path: 'deploy/production.env', text: `STRIPE_RESTRICTED=${stripeRestricted}\n`, secrets: [stripeRestricted] },
    { name: 'Google API key in an Android resource', path: 'app/src/main/res/values/keys.xml', text: `<resources>\n    <string name="maps_key">${google}</string>\n</resources>\n`, secrets: [google] },
    { name: 'RSA private key PEM', path: 'certs/server.key', text: `-----BEGIN RSA PRIVATE KEY-----\n${rsaBody}\n-----END RSA PRIVATE KEY-----\n`, secrets: [rsaBody.split('\n')[0]!, rsaBody.split('\n')[5]!] },
    { name: 'EC private key in a Python string', path: 'tests/keys.py', text: `KEY = """-----BEGIN EC PRIVATE KEY-----\n${ecBody}\n-----END EC PRIVATE KEY-----"""\n`, secrets: [ecBody.split('\n')[1]!] },
    { name: 'OpenSSH private key', path: 'ops/id_ed25519', text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${opensshBody}\n-----END OPENSSH PRIVATE KEY-----\n`, secrets: [opensshBody.split('\n')[2]!] },
    { name: 'PGP private key block', path: 'ops/signing.asc', text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pgpBody}\n-----END PGP PRIVATE KEY BLOCK-----\n`, secrets: [pgpBody.split('\n')[3]!] },
    { name: 'Encrypted PKCS#8 key in YAML', path: 'k8s/secret.yaml', text: `data:\n  tls.key: |\n    -----BEGIN ENCRYPTED PRIVATE KEY-----\n    ${encBody.split('\n').join('\n    ')}\n    -----END ENCRYPTED PRIVATE KEY-----\n`, secrets: [encBody.split('\n')[4]!] },
    { name: 'GCP service account JSON', path: 'gcp/service-account.json', text: `{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${gcpBody}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "bot@acme-prod.iam.gserviceaccount.com"\n}\n`, secrets: [gcpBody.slice(0, 64)] },
    { name: 'JWT in a test HTTP file', path: 'api/requests.http', text: `GET /me\nCookie: session=${jwt}\n`, secrets: [jwt] },
    { name: 'npm token in .npmrc', path: '.npmrc', text: `//registry.npmjs.org/:_authToken=${npm}\n`, secrets: [npm] },
    { name: 'npm legacy UUID token in .npmrc', path: 'packages/web/.npmrc', text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${npmrcToken}\n`, secrets: [npmrcToken] },
    { name: 'PyPI token in .pypirc', path: '.pypirc', text: `[pypi]\nusername = __token__\npassword = ${pypi}\n`, secrets: [pypi] },
    { name: 'OpenAI project key in Python', path: 'app/llm.py', text: `client = OpenAI(api_key="${openaiProject}")\n`, secrets: [openaiProject] },
    { name: 'OpenAI legacy key in JS', path: 'web/chat.js', text: `const openai = new OpenAI({ apiKey: "${openaiLegacy}" });\n`, secrets: [openaiLegacy] },
    { name: 'Anthropic key in a Dockerfile', path: 'Dockerfile', text: `FROM python:3.12\nENV ANTHROPIC_API_KEY=${anthropic}\n`, secrets: [anthropic] },
    { name: 'Twilio API key in PHP', path: 'src/Sms.php', text: `<?php\n$client = new Client('${twilio}', $secret);\n`, secrets: [twilio] },
    { name: 'SendGrid key in C#', path: 'Mail/Sender.cs', text: `var client = new SendGridClient("${sendgrid}");\n`, secrets: [sendgrid] },
    { name: 'Mailgun key in Java', path: 'src/main/java/Mail.java', text: `String mg = "${mailgun}";\n`, secrets: [mailgun] },
    { name: 'Azure storage connection string', path: 'appsettings.json', text: `{ "Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${azure};EndpointSuffix=core.windows.net" }\n`, secrets: [azure] },
    { name: 'Postgres URL in settings', path: 'app/settings.py', text: `DATABASE_URL = "postgresql://app:${pgPassword}@db.internal:5432/app"\n`, secrets: [pgPassword] },
    { name: 'MySQL URL in docker-compose', path: 'docker-compose.yml', text: `services:\n  api:\n    environment:\n      - DB=mysql://root:${mysqlPassword}@mysql:3306/shop\n`, secrets: [mysqlPassword] },
    { name: 'MongoDB SRV URL in TypeScript', path: 'src/db.ts', text: `await mongoose.connect('mongodb+srv://svc:${mongoPassword}@cluster0.abcde.mongodb.net/prod');\n`, secrets: [mongoPassword] },
    { name: 'Redis URL in a Procfile env', path: 'config/redis.conf.env', text: `REDIS_URL=redis://:${redisPassword}@cache:6379/0\n`, secrets: [redisPassword] },
    { name: 'Basic auth in an HTTPS URL', path: 'scripts/mirror.sh', text: `git clone https://deploy:${basicAuth}@git.example.org/acme/site.git\n`, secrets: [basicAuth] },
    { name: 'Heroku API key (new format)', path: 'Makefile', text: `deploy:\n\tHEROKU_API_KEY=${heroku} heroku container:release web\n`, secrets: [heroku] },
    { name: 'Heroku API key (UUID format)', path: '.circleci/config.yml', text: `environment:\n  HEROKU_API_KEY: ${herokuUuid}\n`, secrets: [herokuUuid] },
    { name: 'DigitalOcean token in Terraform', path: 'infra/main.tf', text: `provider "digitalocean" {\n  token = "${digitalocean}"\n}\n`, secrets: [digitalocean] },
    { name: 'Shopify admin token', path: 'shop/client.rb', text: `ShopifyAPI::Context.setup(access_token: "${shopify}")\n`, secrets: [shopify] },
    { name: 'Vault token in HCL', path: 'vault/agent.hcl', text: `auto_auth {\n  token = "${vault}"\n}\n`, secrets: [vault] },
    { name: 'Discord bot token in Python', path: 'bot/main.py', text: `bot.run("${discord}")\n`, secrets: [discord] },
    { name: 'Telegram bot token in JS', path: 'bot/telegram.js', text: `const bot = new Telegraf('${telegram}');\n`, secrets: [telegram] },
    { name: 'Hugging Face token in a notebook', path: 'train.py', text: `login("${hf}")\n`, secrets: [hf] },
    { name: 'Django SECRET_KEY', path: 'mysite/settings.py', text: `DEBUG = False\nSECRET_KEY = '${djangoKey}'\n`, secrets: [djangoKey] },
    { name: 'generic secret in an env file', path: 'deploy/app.env.tpl', text: `APP_NAME=shop\nAPP_SECRET=${envSecret}\n`, secrets: [envSecret] },
    { name: 'generic password in YAML config', path: 'config/database.yml', text: `production:\n  adapter: postgresql\n  username: shop\n  password: "${yamlPassword}"\n`, secrets: [yamlPassword] },
    { name: 'generic client secret in JSON', path: 'config/oauth.json', text: `{\n  "client_id": "shop-web",\n  "client_secret": "${jsonSecret}"\n}\n`, secrets: [jsonSecret] },
    { name: 'generic API key in a Go struct literal', path: 'internal/cfg/cfg.go', text: `var cfg = Config{\n\tAPIKey: "${goKey}",\n}\n`, secrets: [goKey] },
    { name: 'Bearer token in a curl example', path: 'docs/internal/api.md', text: `curl -H 'Authorization: Bearer ${bearer}' https://api.acme.dev/v1/orders\n`, secrets: [bearer] },
    { name: 'docker config auth', path: '.docker/config.json', text: `{\n  "auths": {\n    "registry.acme.dev": { "auth": "${dockerAuth}" }\n  }\n}\n`, secrets: [dockerAuth] },
    { name: 'PHP array password', path: 'config/db.php', text: `<?php\nreturn ['host' => 'db', 'password' => '${phpPassword}'];\n`, secrets: [phpPassword] },
    { name: 'TOML access token', path: 'Cargo-publish.toml', text: `[registry]\naccess_token = "${tomlToken}"\n`, secrets: [tomlToken] },
    { name: 'Grafana service account token', path: 'grafana/provision.sh', text: `export GRAFANA_SA=${grafana}\n`, secrets: [grafana] },
    { name: 'Databricks token in a notebook config', path: 'jobs/databricks.cfg', text: `[DEFAULT]\nhost = https://acme.cloud.databricks.com\ntoken = ${databricks}\n`, secrets: [databricks] },
  ];
}

function buildLookAlikes(): LookAlikeFixture[] {
  const sha512 = fake(BASE64, 86) + '==';
  const gitSha = fake(HEX, 40);
  const uuid = [8, 4, 4, 4, 12].map((length) => fake(HEX, length)).join('-');
  const bcrypt = join('$2b$12$', fake(ALNUM + './', 53));
  const png = fake(BASE64, 200);
  const pubBody = pemBody(4);
  const certBody = pemBody(6);
  const cacheBuster = fake(ALNUM, 24);
  return [
    { name: 'AWS documentation example key', path: 'docs/aws.md', text: `aws_access_key_id = ${join('AKIA', 'IOSFODNN7', 'EXAMPLE')}\naws_secret_access_key = ${join('wJalrXUtnFEMI/K7MDENG/bPxRfi', 'CYEXAMPLEKEY')}\n` },
    { name: 'package-lock integrity', path: 'package-lock.json', text: `"node_modules/ms": {\n  "version": "2.1.3",\n  "integrity": "sha512-${sha512}"\n}\n` },
    { name: 'commit SHA in a changelog', path: 'CHANGELOG.md', text: `- fix token refresh (${gitSha})\n- commit: ${gitSha}\n` },
    { name: 'UUID token id', path: 'fixtures/tokens.json', text: `{ "tokenId": "${uuid}", "token_type": "bearer" }\n` },
    { name: 'password from os.environ', path: 'app/config.py', text: `DB_PASSWORD = os.environ["DB_PASSWORD"]\nSECRET_KEY = os.getenv("SECRET_KEY", "")\n` },
    { name: 'docker-compose interpolation', path: 'compose.yaml', text: `environment:\n  API_KEY: \${API_KEY}\n  POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-postgres}\n` },
    { name: 'GitHub Actions secret reference', path: '.github/workflows/ci.yml', text: `env:\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n  GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n` },
    { name: 'changeme placeholder', path: 'config/default.toml', text: `secret_key = "changeme"\nadmin_password = "change-me-please"\n` },
    { name: 'angle-bracket placeholder', path: 'README.md', text: `export OPENAI_API_KEY=<your-api-key>\napi_key = "<YOUR_API_KEY>"\n` },
    { name: 'TypeScript interface with password', path: 'src/types.ts', text: `export interface Login {\n  username: string;\n  password: string;\n  apiKey?: ApiKeyOptions;\n}\n` },
    { name: 'Python signature with password', path: 'app/auth.py', text: `def authenticate(username: str, password: str) -> Token:\n    token = create_access_token(data={"sub": username})\n    return Token(access_token=token, token_type="bearer")\n` },
    { name: 'base64 PNG data URI', path: 'web/style.css', text: `.logo { background: url(data:image/png;base64,${png}); }\n` },
    { name: 'docs database URL placeholder', path: 'docs/sql.md', text: `SQLALCHEMY_DATABASE_URL = "postgresql://user:password@postgresserver/db"\n` },
    { name: 'public key PEM', path: 'keys/public.pem', text: `-----BEGIN PUBLIC KEY-----\n${pubBody}\n-----END PUBLIC KEY-----\n` },
    { name: 'certificate PEM', path: 'certs/ca.crt', text: `-----BEGIN CERTIFICATE-----\n${certBody}\n-----END CERTIFICATE-----\n` },
    { name: 'tokenizer and auth words', path: 'src/lexer.ts', text: `const tokenizer = new Tokenizer(source);\nconst AUTH_HEADER = "Authorization";\nconst tokens = tokenizer.tokens();\n` },
    { name: 'hashed password in a fake users db', path: 'docs_src/security/tutorial.py', text: `fake_users_db = {\n    "johndoe": {\n        "hashed_password": "${bcrypt}",\n    }\n}\n` },
    { name: 'i18n messages about passwords', path: 'locales/en.json', text: `{\n  "password_label": "Enter your password",\n  "token_expired": "Your session token expired"\n}\n` },
    { name: 'test fixture token', path: 'tests/test_client.py', text: `token = "test-token-123"\nclient.headers["Authorization"] = f"Bearer {token}"\n` },
    { name: 'numeric token settings', path: 'settings.py', text: `MAX_TOKENS = 4096\nACCESS_TOKEN_EXPIRE_MINUTES = 30\nPASSWORD_MIN_LENGTH = 12\n` },
    { name: 'key header class', path: 'app/deps.py', text: `api_key_header = APIKeyHeader(name="X-API-Key")\ntoken: Annotated[str, Depends(oauth2_scheme)]\n` },
    { name: 'Slack webhook template', path: 'docs/slack.md', text: `${join('https://hooks.', 'slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')}\n` },
    { name: 'random value under a harmless key', path: 'web/build.js', text: `const cacheBuster = "${cacheBuster}";\n` },
    { name: 'JWT header alone in docs', path: 'docs/jwt.md', text: `The header \`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\` encodes {"alg":"HS256"}.\n` },
    { name: 'private key header quoted in prose', path: 'docs/keys.md', text: `A key file starts with \`-----BEGIN RSA PRIVATE KEY-----\` and ends with the matching END line.\n` },
    { name: 'sha256 checksum assignment', path: 'Formula/tool.rb', text: `sha256 "${fake(HEX, 64)}"\nurl "https://example.org/tool.tar.gz"\n` },
  ];
}

export const SECRET_FIXTURES: readonly SecretFixture[] = buildSecrets();
export const LOOK_ALIKE_FIXTURES: readonly LookAlikeFixture[] = buildLookAlikes();
