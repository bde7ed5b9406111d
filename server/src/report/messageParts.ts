// A finding's message as a headline (what is wrong, where the editor and the CLI put it) and the detail after it.
//
// Rules write one message: "what is wrong: why it matters; what to do". The headline is that first clause, cut at the
// first ": ", "; ", ". " or ", so " outside quotes, parentheses and brackets (a masked value or a URL keeps its colons);
// the rest goes where details go (related information in the editor, an indented line in the CLI).

export interface MessageParts {
  headline: string;
  /** What follows the headline, with its first letter as written; absent when the message is one clause. */
  detail?: string;
}

/** The longest headline test/catalogue allows: the first sentence a reader sees must fit in a Problems row. */
export const HEADLINE_MAX = 100;

const CUTS = [": ", "; ", ". ", ", so "];

export function messageParts(message: string): MessageParts {
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    // An apostrophe inside a word (Django's, isn't) opens no quote.
    if (c === '"' || (c === "'" && !(/\w/.test(message[i - 1] ?? "") && /\w/.test(message[i + 1] ?? "")))) {
      quote = c;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (depth === 0) {
      const cut = CUTS.find((s) => message.startsWith(s, i));
      if (!cut) continue;
      const detail = message.slice(i + (cut === ", so " ? 2 : cut.length)).trim();
      const headline = message.slice(0, i).trim();
      if (!headline || !detail) continue;
      return { headline, detail };
    }
  }
  return { headline: message };
}
