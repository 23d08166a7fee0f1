import { stubService } from '../stub';

export const clusterConfService = stubService('cluster-conf');
