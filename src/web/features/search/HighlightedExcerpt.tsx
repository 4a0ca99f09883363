import { Text } from '@mantine/core';

/**
 * The server's search excerpt with the matched words in <mark>. Rendering it as HTML is safe ONLY
 * because the server escapes everything in it except its own <mark> tags (see `highlight` in
 * contracts/search.ts). Keep this the one place that does so; never pass it anything else.
 */
export function HighlightedExcerpt({ html }: { html: string }) {
  return (
    <Text
      c="dimmed"
      lineClamp={2}
      className="search-excerpt"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped text with <mark> only, see above
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
