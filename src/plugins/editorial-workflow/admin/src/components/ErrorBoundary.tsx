import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../../../shared/contracts';

/**
 * Keeps a failure in the plugin's UI inside the plugin's box, and names the plugin in the console
 * (which is what the browser test watches for).
 */
export class PluginErrorBoundary extends React.Component<
  { children: React.ReactNode; where: string; message?: string },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: React.ErrorInfo) {
    console.error(`[${PLUGIN_ID}] ${this.props.where} failed:`, error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Box role="alert" padding={2}>
        <Typography variant="pi" textColor="danger600">
          {this.props.message ?? 'Something went wrong in the editorial workflow.'}
        </Typography>
      </Box>
    );
  }
}
