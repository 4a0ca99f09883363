import { Button } from '@mantine/core';
import { IconBulb, IconCalendarOff, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Empty } from '../../components/Empty';

/** No results: say what was looked for, and offer the two ways forward (host it, or ask for it). */
export function SearchEmpty({ q, filtered, onClear }: { q: string; filtered: boolean; onClear: () => void }) {
  const title = q
    ? `No workshops on “${q}” yet — be the first to host one`
    : filtered
      ? 'Nothing matches these filters — be the first to host one'
      : 'Nothing is in the catalog yet — be the first to host a workshop';
  return (
    <Empty
      icon={<IconCalendarOff size={32} aria-hidden="true" />}
      title={title}
      description="Anyone can host: a title, a one-line summary and a format are enough to start. Or ask for it, and a colleague who knows the topic can pick it up."
    >
      <Button
        component={Link}
        to={q ? `/workshops/new?title=${encodeURIComponent(q)}` : '/workshops/new'}
        leftSection={<IconPlus size={18} aria-hidden="true" />}
      >
        Create a workshop
      </Button>
      <Button
        component={Link}
        to={q ? `/requests?title=${encodeURIComponent(q)}` : '/requests'}
        variant="light"
        leftSection={<IconBulb size={18} aria-hidden="true" />}
      >
        Ask for it
      </Button>
      {(q || filtered) && (
        <Button variant="default" onClick={onClear}>
          Clear the search
        </Button>
      )}
    </Empty>
  );
}
