import { Typography } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

/**
 * Markdown written by people, rendered safely: react-markdown escapes raw HTML (no rehype-raw)
 * and its default URL transform drops javascript: and other unsafe links.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography className="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
          h1: ({ node: _node, ...props }) => <h3 {...props} />,
          h2: ({ node: _node, ...props }) => <h4 {...props} />,
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
