// A subscription's confirmation token. Pledges and alert subscriptions share the `/confirm/<token>` page,
// and a link that no longer finds its row (expired and swept, used after unsubscribing) must still be
// answered in the right words: "subscribe again", not "pledge again". So a subscription's token says what
// it is: `sub-` and 24 random bytes (36 characters; a pledge's is 32, without the prefix). Only the
// wording of that page depends on it.
import { randomBytes } from 'node:crypto';

const PREFIX = 'sub-';

export function newSubscriptionToken(): string {
  return `${PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** Whether a confirmation link's token was made for a subscription (since this prefix exists). */
export function isSubscriptionToken(token: string): boolean {
  return token.length === PREFIX.length + 32 && token.startsWith(PREFIX);
}
