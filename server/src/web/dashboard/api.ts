import { ApiError, call, type Call } from '../api.js';
import { accessToken } from './session.js';

const signedOut = () =>
  new ApiError({ status: 401, code: 'signed_out', detail: 'Your session ended. Sign in again.' });

/** The bearer header of the signed-in person, or undefined once the session cannot be renewed. */
export async function authorization(force = false): Promise<string | undefined> {
  const token = await accessToken(force);
  return token ? `Bearer ${token}` : undefined;
}

/** The portal's `call` with the signed-in person's token; a 401 renews the token once. */
export async function api<T>(path: string, c: Call = {}): Promise<T> {
  for (const force of [false, true]) {
    const auth = await authorization(force);
    if (!auth) throw signedOut();
    try {
      return (await call<T>(path, { ...c, headers: { ...c.headers, authorization: auth } })).body;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401) || force) throw err;
    }
  }
  throw signedOut();
}
