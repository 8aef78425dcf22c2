import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Stage } from '../../../shared/contracts';
import { formatDateTime } from '../utils/time';

/** A stage as a coloured badge: the stage colour as border, dot and tint, text in the neutral ink. */
export const StageBadge = ({
  stage,
  stageId,
  publishAt,
}: {
  stage?: Stage;
  stageId: string;
  /** A scheduled story's time, shown in the badge. */
  publishAt?: string | null;
}) => {
  const intl = useIntl();
  const color = stage?.color ?? '#8e8ea9';
  return (
    <Flex
      tag="span"
      display="inline-flex"
      gap={2}
      paddingLeft={2}
      paddingRight={2}
      paddingTop={1}
      paddingBottom={1}
      hasRadius
      data-testid="ew-stage-badge"
      data-stage={stageId}
      style={{ border: `1px solid ${color}`, backgroundColor: `${color}1f`, width: 'max-content' }}
    >
      <span
        aria-hidden
        style={{
          width: 8,
          height: 8,
          borderRadius: '50%',
          backgroundColor: color,
          display: 'inline-block',
        }}
      />
      <Typography variant="omega" fontWeight="bold" textColor="neutral800">
        {stage?.name ?? stageId}
      </Typography>
      {publishAt ? (
        <Typography variant="pi" textColor="neutral700" data-testid="ew-stage-time">
          {formatDateTime(intl, publishAt)}
        </Typography>
      ) : null}
    </Flex>
  );
};
