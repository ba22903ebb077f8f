/** A plain-text mail body with its links made clickable (the dev mailbox). */
export function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="text-vigil underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
