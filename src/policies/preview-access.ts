// `global::preview-access`: see src/newsroom/preview.ts (put on the Content Manager's preview URL route).
import { previewAccessPolicy } from '../newsroom/preview';

export default previewAccessPolicy;
