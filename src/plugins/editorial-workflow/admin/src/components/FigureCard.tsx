import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/**
 * One key figure with its label, for the row of figures atop a settings or desk page: a labelled
 * group, so tests and screen readers find it by name.
 */
export const FigureCard = ({
  testId,
  label,
  children,
}: {
  testId: string;
  label: string;
  children: React.ReactNode;
}) => (
  <Box
    background="neutral0"
    padding={5}
    hasRadius
    shadow="tableShadow"
    minWidth="220px"
    data-testid={testId}
    role="group"
    aria-label={label}
  >
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {children}
    </Flex>
  </Box>
);
