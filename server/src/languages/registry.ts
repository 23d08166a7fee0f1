import { clusterConfService } from './cluster-conf';
import { drbdService } from './drbd';
import { iftabService } from './iftab';
import type { LanguageId, LanguageService, ParsedDocument } from './types';
import { xendSxpService } from './xend-sxp';
import { xlConfigService } from './xl-config';

const SERVICES: Record<LanguageId, LanguageService<ParsedDocument>> = {
  'xl-config': xlConfigService as LanguageService<ParsedDocument>,
  'xend-sxp': xendSxpService as LanguageService<ParsedDocument>,
  iftab: iftabService as LanguageService<ParsedDocument>,
  drbd: drbdService as LanguageService<ParsedDocument>,
  'cluster-conf': clusterConfService as LanguageService<ParsedDocument>,
};

export function serviceFor(languageId: string): LanguageService<ParsedDocument> | undefined {
  return (SERVICES as Record<string, LanguageService<ParsedDocument>>)[languageId];
}
