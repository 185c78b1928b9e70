/**
 * Escaping for the xml style, so a bundle parses with any XML 1.0 parser whatever the paths and contents are.
 *
 * Characters XML 1.0 forbids anywhere (C0 controls other than tab, line feed and carriage return; U+FFFE; U+FFFF;
 * lone surrogates) are replaced by U+FFFD — the only change made to file content. Everything else is kept byte for
 * byte: content goes into CDATA, and a `]]>` inside it is split across two CDATA sections. Note that XML parsers
 * normalise `\r\n` and lone `\r` to `\n` when they read the bundle (XML 1.0 §2.11); the bundle itself keeps them.
 */

/** XML 1.0 `Char` production, negated, for UTF-16 strings (`\p{Cs}` under `u` matches only unpaired surrogates). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\p{Cs}]/gu;
const REPLACEMENT_CHARACTER = '\ufffd';

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Tab and line breaks are written as character references: attribute-value normalisation would turn them into spaces. */
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Replaces every character XML 1.0 does not allow by U+FFFD; all other characters are untouched. */
export function sanitizeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT_CHARACTER);
}

/**
 * Character data for element text: sanitised, `&` and `<` escaped, and `>` only where it would end a `]]>` (the one
 * place XML requires it), so ordinary text such as `2 MB > 1 MB` costs no extra tokens.
 */
export function escapeXmlText(text: string): string {
  return sanitizeXml(text).replace(/[&<]|(?<=\]\])>/g, (character) => TEXT_ESCAPES[character] ?? character);
}

/** A double-quoted attribute value's inside: sanitised, markup and whitespace escaped. */
export function escapeXmlAttribute(text: string): string {
  return sanitizeXml(text).replace(/[&<>"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

/** `text` as one or more adjacent CDATA sections whose concatenated contents equal `sanitizeXml(text)`. */
export function xmlCdata(text: string): string {
  return `<![CDATA[${sanitizeXml(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
