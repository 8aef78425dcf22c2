// A story's schema.org structured data (src/api/article/controllers/article-jsonld.ts). Its
// permission, `api::article.article-jsonld.findOne`, is the Public and Authenticated roles' from first boot on.
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/:id/jsonld',
      handler: 'api::article.article-jsonld.findOne',
      config: {},
    },
  ],
};
