// The working copy of one story locale for the editors' preview (src/newsroom/preview.ts). No
// Strapi auth: the credential is the preview token in `Authorization: Preview <token>`, which
// opens this one story locale until it expires; nobody's role permission is involved.
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/:documentId/preview',
      handler: 'api::article.preview.findOne',
      config: { auth: false },
    },
  ],
};
