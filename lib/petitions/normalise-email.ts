/**
 * The key of "one signature per person": an e-mail address reduced to the mailbox it reaches.
 * Case never matters. Gmail ignores dots in the local part; Gmail and the big providers below
 * deliver "name+anything@" to "name@", so the tag is dropped there. Other domains are left alone:
 * elsewhere "a.b" and "ab" may be different people.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG_DOMAINS = new Set([
  ...GMAIL_DOMAINS,
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'naver.com',
]);

export interface NormalisedEmail {
  normalised: string;
  domain: string;
}

export function normaliseEmail(email: string): NormalisedEmail {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at);
  const domain = lower.slice(at + 1).replace(/\.$/, '');
  let mailboxDomain = domain;
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0]!;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    mailboxDomain = 'gmail.com';
  }
  return { normalised: `${local}@${mailboxDomain}`, domain };
}
