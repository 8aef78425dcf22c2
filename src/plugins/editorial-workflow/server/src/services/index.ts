import access from './access';
import actor from './actor';
import cache from './cache';
import definition from './definition';
import guards from './guards';
import permissions from './permissions';
import publisher from './publisher';
import stateStore from './state-store';
import workflow from './workflow';

const services = {
  access,
  actor,
  cache,
  definition,
  guards,
  permissions,
  publisher,
  'state-store': stateStore,
  workflow,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
