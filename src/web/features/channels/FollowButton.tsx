import { Button } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';

type Props = {
  /** Null while unknown: shown as "Follow", since following twice is harmless. */
  following: boolean | null;
  /** Who or what: read after the visible word, "Follow Security". */
  name: string;
  onToggle: (follow: boolean) => void;
  loading?: boolean;
  size?: 'xs' | 'sm' | 'md';
};

/** A toggle: "Follow" / "Following" in words and with a check, aria-pressed for screen readers. */
export function FollowButton({ following, name, onToggle, loading, size = 'sm' }: Props) {
  const on = following === true;
  return (
    <Button
      size={size}
      variant={on ? 'light' : 'filled'}
      aria-pressed={on}
      loading={loading}
      leftSection={on ? <IconCheck size={16} aria-hidden="true" /> : <IconPlus size={16} aria-hidden="true" />}
      onClick={() => onToggle(!on)}
      title={on ? `Stop following ${name}` : undefined}
    >
      {on ? 'Following' : 'Follow'}
      <span className="visually-hidden"> {name}</span>
    </Button>
  );
}
