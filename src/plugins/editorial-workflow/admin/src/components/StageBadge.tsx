import { Flex, Typography } from '@strapi/design-system';
import type { Stage } from '../../../shared/contracts';

/** A stage as a coloured badge: the stage colour as border, dot and tint, text in the neutral ink. */
export const StageBadge = ({ stage, stageId }: { stage?: Stage; stageId: string }) => {
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
    </Flex>
  );
};
