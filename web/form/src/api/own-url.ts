/**
 * The API signs document links with the server's public URL (OPENKYB_PUBLIC_URL), which may name
 * another origin than the one the page came from (`localhost` against `127.0.0.1`, an internal
 * name behind a proxy); the page's content-security policy then blocks the preview. The form's
 * own files are this server's, so it asks for them by path, from whatever origin serves the page.
 */
export function ownUrl(url: string): string {
  const match = /^https?:\/\/[^/?#]+(\/v1\/files\/[^#]*)$/i.exec(url);
  return match ? match[1]! : url;
}
