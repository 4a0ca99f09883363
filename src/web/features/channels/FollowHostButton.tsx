import { Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifyError } from '../../lib/forms';
import { FollowButton } from './FollowButton';
import { type FollowState, useFollowHost, useHostFollowState } from './hooks';

/** Follow a person who hosts: their new sessions are recommended to you. */
export function FollowHostButton({ personId, name }: { personId: string; name: string }) {
  const follow = useFollowHost(personId);
  const current = useHostFollowState(personId);
  const [state, setState] = useState<FollowState | null>(null);
  useEffect(() => {
    if (current.data) setState(current.data);
  }, [current.data]);
  const toggle = (on: boolean) => {
    const previous = state;
    // Optimistic: the button flips at once, and back if the server says no.
    setState({ following: on, followerCount: Math.max(0, (state?.followerCount ?? 0) + (state ? (on ? 1 : -1) : 0)) });
    follow.mutate(on, {
      onSuccess: setState,
      onError: (err) => {
        setState(previous);
        notifyError(err, on ? `Could not follow ${name}` : `Could not unfollow ${name}`);
      },
    });
  };
  return (
    <Group gap="sm">
      {state && !follow.isPending && (
        <Text fz="sm" c="dimmed">
          {state.followerCount === 1 ? '1 follower' : `${state.followerCount.toLocaleString('en-GB')} followers`}
        </Text>
      )}
      <FollowButton following={state?.following ?? null} name={name} onToggle={toggle} />
    </Group>
  );
}
