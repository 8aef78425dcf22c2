// Renders a component the way the admin panel does: Strapi's design system, react-intl with the
// plugin's English messages, a Redux store holding the (double's) adminApi, and a memory router at
// the URL the component lives under.
import * as React from 'react';
import { DesignSystemProvider } from '@strapi/design-system';
import { configureStore } from '@reduxjs/toolkit';
import { render, waitFor, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { expect } from 'vitest';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation, type Location } from 'react-router-dom';
import en from '../src/translations/en.json';
import { prefixPluginTranslations } from '../src/utils/translations';
import { adminApi, setForm } from './strapi-admin';

/** Core messages the plugin's code compares against or shows (the admin panel ships them). */
const CORE_MESSAGES = {
  'app.utils.publish': 'Publish',
  'i18n.CMEditViewBulkLocale.publish-title': 'Publish Multiple Locales',
  'i18n.CMEditViewBulkLocale.unpublish-title': 'Unpublish Multiple Locales',
};

export const messages: Record<string, string> = {
  ...CORE_MESSAGES,
  ...prefixPluginTranslations(en),
};

export interface RenderOptions {
  /** The URL the component is shown at, e.g. `/content-manager/collection-types/api::article.article?page=1`. */
  url?: string;
  /** The route pattern it is mounted under, for `useParams` (default: every path). */
  path?: string;
  /** The edit view's form state (`useForm`); without it, `useForm` throws. */
  form?: { modified: boolean };
}

export interface AdminRender extends RenderResult {
  user: UserEvent;
  /** Where the memory router is now (after a component navigated or set query params). */
  location: () => Location;
  /** Resolves once no adminApi request is in flight and React has rendered the answers. */
  settled: () => Promise<void>;
}

export const renderInAdmin = (
  ui: React.ReactElement,
  { url = '/', path = '*', form }: RenderOptions = {}
): AdminRender => {
  if (form) setForm(form);
  const store = configureStore({
    reducer: { [adminApi.reducerPath]: adminApi.reducer },
    // Development-only checks that warn when a slow CI machine takes over 32 ms: not what is tested.
    middleware: (getDefault) =>
      getDefault({ immutableCheck: false, serializableCheck: false }).concat(adminApi.middleware),
  });
  const current: { location: Location | null } = { location: null };
  const LocationProbe = () => {
    current.location = useLocation();
    return null;
  };
  const Providers = ({ children }: { children: React.ReactNode }) => (
    <Provider store={store}>
      <IntlProvider
        locale="en"
        defaultLocale="en"
        messages={messages}
        // A message id with no text and no default shows the raw id to users: fail instead.
        onError={(err) => console.error(`[react-intl] ${err.message}`)}
      >
        <DesignSystemProvider locale="en">
          <MemoryRouter initialEntries={[url]}>
            <LocationProbe />
            {children}
          </MemoryRouter>
        </DesignSystemProvider>
      </IntlProvider>
    </Provider>
  );
  const routed = (element: React.ReactNode) => (
    <Routes>
      <Route path={path} element={element} />
      {path === '*' ? null : <Route path="*" element={<p>navigated away</p>} />}
    </Routes>
  );
  const user = userEvent.setup();
  const result = render(routed(ui), { wrapper: Providers });
  return {
    ...result,
    // Same store, router and providers: only the element changes.
    rerender: (next: React.ReactNode) => result.rerender(routed(next)),
    user,
    location: () => {
      if (!current.location) throw new Error('router not rendered');
      return current.location;
    },
    settled: () =>
      waitFor(() => {
        const { queries, mutations } = store.getState()[adminApi.reducerPath];
        const entries = [...Object.values(queries), ...Object.values(mutations)];
        expect(entries.length).toBeGreaterThan(0);
        expect(
          entries.filter((e) => e?.status === 'pending' || e?.status === 'uninitialized')
        ).toEqual([]);
      }),
  };
};
