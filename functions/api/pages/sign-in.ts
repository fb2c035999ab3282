/**
 * The dashboard sign-in link for a token. The token rides in the URL fragment, which browsers never send to
 * the server (so it stays out of access logs and Referer headers); the page moves it to sessionStorage and
 * clears the fragment at once so it is not left in history.
 */
export function signInLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/app#token=${encodeURIComponent(token)}`;
}
