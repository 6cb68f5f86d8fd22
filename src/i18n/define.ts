/** Declares one area's messages; both languages must have the same keys. */
export function defineMessages<const M extends Record<string, string>>(messages: {
  ja: M;
  en: Record<keyof M, string>;
}): { ja: M; en: Record<keyof M, string> } {
  return messages;
}
