/** RFC 9116 security.txt. The contact is the operator's: VIGIL_SECURITY_CONTACT (mailto: or https: URI). */
export function securityTxt(origin: string, now: Date): string {
  const contact = process.env.VIGIL_SECURITY_CONTACT ?? `mailto:security@${new URL(origin).hostname}`;
  const expires = new Date(now.getTime() + 365 * 24 * 60 * 60 * 1000);
  return [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString()}`,
    'Preferred-Languages: en, ko',
    `Canonical: ${origin}/.well-known/security.txt`,
    '',
  ].join('\n');
}
