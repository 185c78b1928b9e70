/** Texts every tokenizer test counts: code, docstrings, special-token look-alikes, CJK and emoji, long runs, JSON. */
export const TOKEN_SAMPLES: readonly string[] = [
  'hello world\n',
  'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'def f(x):\n    """Docstring."""\n    return x ** 2  # square\n',
  'Text with <|endoftext|> and <|fim_prefix|> special-token look-alikes.',
  '日本語のテキストと emoji 🎉🎉🎉 and combining é e\u0301',
  ' '.repeat(500) + '\n\n\n\t\t' + 'x'.repeat(3000),
  '{"a":[1,2,3],"b":{"c":"d"}}'.repeat(50),
];
