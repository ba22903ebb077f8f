/**
 * Where a page can be shared without any third-party script on it: plain links that open the other
 * service's own share page (X, LINE) or the reader's mail program. KakaoTalk and WeChat have no such
 * link; the page offers the phone's share sheet, a link to copy and a QR code instead (SharePanel).
 */

export interface ShareSubject {
  /** The page's public address, absolute. */
  url: string;
  title: string;
  /** A sentence to go with the link. */
  text: string;
}

export interface ShareLinks {
  email: string;
  x: string;
  line: string;
}

const encode = encodeURIComponent;

export function shareLinks({ url, title, text }: ShareSubject): ShareLinks {
  return {
    email: `mailto:?subject=${encode(title)}&body=${encode(`${text}\n\n${url}`)}`,
    x: `https://x.com/intent/post?text=${encode(text)}&url=${encode(url)}`,
    line: `https://social-plugins.line.me/lineit/share?url=${encode(url)}`,
  };
}
