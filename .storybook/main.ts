import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Files the stories fetch, served as they are (and copied by `storybook build`): the pledge stories'
  // fixed counts (`stories/static/pledge-demo/…/count`), since Storybook has no receiver.
  staticDirs: ['../stories/static'],
  core: {
    // The machines that build this have no route to the telemetry host; a failed send only adds noise.
    disableTelemetry: true,
  },
  features: {
    // The `theme` toolbar (preview.ts) sets the page background to match the widgets; a second
    // background picker would only fight it.
    backgrounds: false,
  },
  viteFinal(viteConfig) {
    // Workspace packages point their `source` export condition at the TypeScript sources, so stories
    // use the code being edited, not a stale (or missing) `dist/`. Vite's own conditions are kept
    // (`module`, `browser`, `development|production`): a list given here replaces them, not extends them.
    const conditions = viteConfig.resolve?.conditions ?? defaultClientConditions;
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', ...conditions] };
    return viteConfig;
  },
};

export default config;
