import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconCheck, IconLogin2 } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { SeatPool, Session } from '../../../contracts/index.js';
import { formatDateTime, formatTime, sessionTimeText } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { type MyAction, newIdempotencyKey, useMyRegistrationAction } from './hooks';
import { hasFreeSeat, type Pool, poolAvailability, poolLabels, type RegState, registerLabel, registrationState } from './model';
import { StateTag } from './StateTag';

// The check-in form (and the form library) and the cancel dialog load when first asked for.
const CheckInModal = lazy(() => import('./CheckInModal').then((m) => ({ default: m.CheckInModal })));
const LeaveModal = lazy(() => import('./LeaveModal').then((m) => ({ default: m.LeaveModal })));

type Props = {
  session: Session;
  /** False for sessions of a draft workshop: nobody can register yet. */
  published?: boolean;
  /** Named in dialogs: "Debugging Kafka consumer lag". */
  title?: string;
  /** The viewer hosts this session: they run it rather than register for it. */
  hosting?: boolean;
};

/** The viewer's registration for a session, as one obvious next step that always tells the true state. */
export function RegistrationActions({ session: s, published = true, title, hosting = false }: Props) {
  const zone = useViewerZone();
  const act = useMyRegistrationAction(s.id);
  const [leaving, setLeavingNow] = useState(false);
  // The dialogs stay mounted once opened, so closing them animates like any modal.
  const [leaveOpenedOnce, setLeaveOpenedOnce] = useState(false);
  const setLeaving = (on: boolean) => {
    if (on) setLeaveOpenedOnce(true);
    setLeavingNow(on);
  };
  const [checkingIn, setCheckingIn] = useState(false);
  const [checkInOpenedOnce, setCheckInOpenedOnce] = useState(false);
  const state = registrationState(s, { published });
  const when = sessionTimeText(s.startsAt, s.endsAt, s.timeZone, zone).local;
  const name = title ? `${title}, ${when}` : when;
  const busy = act.isPending;
  const run = (action: MyAction) => act.mutate(action);

  const body = (() => {
    switch (state.kind) {
      case 'cancelled':
        return <StateTag tone="cancelled">Cancelled</StateTag>;
      case 'draft':
        return (
          <Text fz="sm" c="dimmed">
            Registration opens when the workshop is published
          </Text>
        );
      case 'not_open':
        return <StateTag tone="closed">Registration opens {formatDateTime(state.opensAt, zone)}</StateTag>;
      case 'closed':
        return <StateTag tone="closed">Registration closed</StateTag>;
      case 'ended':
        return null;
      case 'open':
        if (hosting) return <StateTag tone="registered">You host this session</StateTag>;
        return (
          <RegisterChoice
            pools={state.pools}
            busy={busy}
            onRegister={(mode) => run({ type: 'register', mode, key: newIdempotencyKey() })}
          />
        );
      case 'attended':
        // After the session this is history: "Attended"; during it, when they arrived.
        return (
          <StateTag tone="checkedIn">
            {Date.parse(s.endsAt) < Date.now()
              ? 'Attended'
              : state.reg.checkedInAt
                ? `Checked in ${formatTime(new Date(state.reg.checkedInAt), zone)}`
                : 'Checked in'}
          </StateTag>
        );
      case 'no_show':
        return <StateTag tone="noShow">No-show</StateTag>;
      case 'past_enrolled':
        return <StateTag tone="registered">Registered</StateTag>;
      case 'offered': {
        const by = state.reg.offerExpiresAt ? ` by ${formatDateTime(state.reg.offerExpiresAt, zone)}` : '';
        const id = state.reg.id;
        return (
          <>
            <StateTag tone="offered">A seat is free for you</StateTag>
            <Button color="grape" disabled={busy} onClick={() => run({ type: 'confirm', registrationId: id })}>
              Confirm your seat{by}
            </Button>
            <Button variant="default" disabled={busy} onClick={() => run({ type: 'decline', registrationId: id })}>
              Decline
            </Button>
          </>
        );
      }
      case 'waitlisted':
        return (
          <>
            <StateTag tone="waitlisted">Waitlisted #{state.reg.position ?? '?'}</StateTag>
            <Button variant="subtle" color="red" disabled={busy} onClick={() => setLeaving(true)}>
              Leave the waitlist
            </Button>
          </>
        );
      case 'enrolled':
      case 'check_in':
        return (
          <>
            <StateTag tone="registered">You're registered{modeSuffix(s, state)}</StateTag>
            {state.kind === 'check_in' ? (
              <Button
                leftSection={<IconLogin2 size={18} aria-hidden="true" />}
                disabled={busy}
                onClick={() => {
                  setCheckInOpenedOnce(true);
                  setCheckingIn(true);
                }}
              >
                Check in
              </Button>
            ) : (
              <Button variant="subtle" color="red" disabled={busy} onClick={() => setLeaving(true)} aria-label="Cancel my registration">
                Cancel
              </Button>
            )}
          </>
        );
    }
  })();

  return (
    <>
      <Group gap="xs" wrap="wrap" className="reg-actions" aria-live="polite" data-state={state.kind}>
        {body}
      </Group>
      {leaveOpenedOnce && (
        <Suspense fallback={null}>
          <LeaveModal
            opened={leaving}
            session={s}
            name={name}
            onClose={() => setLeaving(false)}
            onConfirm={() => {
              setLeaving(false);
              run({ type: 'cancel' });
            }}
          />
        </Suspense>
      )}
      {state.kind === 'check_in' && checkInOpenedOnce && (
        <Suspense fallback={null}>
          <CheckInModal sessionId={s.id} title={name} opened={checkingIn} onClose={() => setCheckingIn(false)} />
        </Suspense>
      )}
    </>
  );
}

function modeSuffix(s: Session, state: RegState): string {
  if (s.mode !== 'hybrid' || !('reg' in state)) return '';
  return state.reg.mode === 'online' ? ' (online)' : ' (in person)';
}

/** One pool: the register button. Hybrid: choose in person or online first, each with its seats. */
function RegisterChoice({ pools, busy, onRegister }: { pools: Pool[]; busy: boolean; onRegister: (mode?: SeatPool) => void }) {
  const firstFree = pools.find(hasFreeSeat) ?? pools[0];
  const [chosen, setChosen] = useState<SeatPool>(firstFree?.pool ?? 'in_person');
  const pool = pools.find((p) => p.pool === chosen) ?? pools[0];
  if (!pool) return null;
  const free = hasFreeSeat(pool);
  const button = (
    <Button
      variant={free ? 'filled' : 'light'}
      color={free ? undefined : 'orange'}
      leftSection={free ? <IconCheck size={18} aria-hidden="true" /> : undefined}
      disabled={busy}
      onClick={() => onRegister(pools.length > 1 ? pool.pool : undefined)}
    >
      {registerLabel(pool, pools.length > 1)}
    </Button>
  );
  if (pools.length === 1) return button;
  return (
    <div className="session-actions">
      <SegmentedControl
        aria-label="How will you attend?"
        size="xs"
        value={chosen}
        onChange={(v) => setChosen(v as SeatPool)}
        data={pools.map((p) => ({ value: p.pool, label: `${poolLabels[p.pool]} · ${poolAvailability(p)}` }))}
      />
      {button}
    </div>
  );
}
