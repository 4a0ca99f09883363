import { IconEyeOff, IconMessageCircleQuestion } from '@tabler/icons-react';
import { FEEDBACK_PRIVACY_THRESHOLD, type FeedbackSummary } from '../../../contracts/index.js';
import { Empty } from '../../components/Empty';

/**
 * Fewer than three answers: no figures and no comments, so nobody can be singled out. How many
 * answered is not a secret, so it is said.
 */
export function SummaryHidden({ summary, oneSession }: { summary: FeedbackSummary; oneSession: boolean }) {
  const { responses, asked } = summary;
  if (asked === 0 && responses === 0) {
    return (
      <Empty
        icon={<IconMessageCircleQuestion size={32} aria-hidden="true" />}
        title="No feedback yet"
        description="When a session ends, everyone who attended is asked for feedback. Their answers appear here once at least 3 have answered."
      />
    );
  }
  const answered = responses === 1 ? '1 person has answered' : `${responses} people have answered`;
  const missing = FEEDBACK_PRIVACY_THRESHOLD - responses;
  return (
    <Empty
      icon={<IconEyeOff size={32} aria-hidden="true" />}
      title={`Nothing is shown until ${FEEDBACK_PRIVACY_THRESHOLD} people have answered`}
      description={`${answered} so far${asked > 0 ? ` (of ${asked} asked${oneSession ? ' for this session' : ''})` : ''}. Figures and comments appear ${
        missing <= 0 ? 'once a session has 3 answers' : missing === 1 ? 'with the next answer' : `after ${missing} more answers`
      }, so nobody can be singled out.`}
    />
  );
}
