/** How many same-origin 307 / 308 redirects one request follows. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** True for a redirect: 301, 302, 303, 307, 308, or the opaque redirect a browser gives for `redirect: 'manual'`. */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || REDIRECT_STATUSES.includes(response.status);
}

/** What becomes of a redirect: followed to `url`, or refused for `reason` (`target` is where it pointed, if known). */
export type RedirectDecision = { follow: string } | { refuse: string; target: string | undefined };

/**
 * The redirect policy: a request carries the API key, so only a 307 or 308 (which keep the method and the body) to the
 * same origin (scheme, host and port) is followed, at most {@link MAX_REDIRECTS} times. Anything else is refused: a
 * redirect to another origin would hand it the key, a 301, 302 or 303 would turn the POST into a body-less GET, and a
 * browser's opaque redirect (`redirect: 'manual'`) hides its `Location`.
 */
export function decideRedirect(from: string, response: Response, redirectsFollowed: number): RedirectDecision {
  if (response.type === 'opaqueredirect')
    return { refuse: 'the browser does not reveal where it points', target: undefined };
  const location = response.headers.get('location');
  if (location === null) return { refuse: 'it has no Location', target: undefined };
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { refuse: 'its Location is not a URL', target: location };
  }
  if (target.origin !== new URL(from).origin)
    return { refuse: 'it points to another origin, which must not receive the API key', target: target.href };
  if (response.status !== 307 && response.status !== 308)
    return { refuse: `a ${response.status} would turn the POST into a GET`, target: target.href };
  if (redirectsFollowed >= MAX_REDIRECTS)
    return { refuse: `${MAX_REDIRECTS} redirects were followed already`, target: target.href };
  return { follow: target.href };
}
