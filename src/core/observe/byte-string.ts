// Firefox hands some strings over as bytes: cookie names and values (cookies API) and header values (webRequest)
// arrive with each UTF-8 byte as one character (`☃` as `â\u0098\u0083`), where Chromium gives the decoded text.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text a byte string stands for: when every character is a byte (≤ 0xFF), at least one is not ASCII, and the
 * bytes are valid UTF-8, their UTF-8 decoding; anything else unchanged (plain ASCII, real text with characters
 * above 0xFF, and bytes that are not UTF-8, which stay as the Latin-1 reading).
 */
export function decodeByteString(text: string): string {
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    if (code > 0x7f) nonAscii = true;
  }
  if (!nonAscii) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return utf8.decode(bytes);
  } catch {
    return text;
  }
}
