/** How an operator runs `pulse migrate from`, and how they resolve conflicts. */
export interface ConsolidationOptions {
  /** Source rows per batch; each batch is one target transaction. */
  batchSize: number;
  /** Report what would be copied, the id collisions and the conflicts; write nothing. */
  dryRun: boolean;
  /** Source client names not to copy. */
  skipClients: string[];
  /** Source client name -> the name it gets in the target. */
  renameClients: Record<string, string>;
  /** Source user email (any case) -> the email it gets in the target. */
  renameEmails: Record<string, string>;
  /** Email domain -> another domain, for every source user of that domain (a client's whole staff). */
  renameEmailDomains: Record<string, string>;
}

/** 500 rows of up to 1536 floats (about 10 KB each as text) is a batch of a few MB. */
export const DEFAULT_BATCH_SIZE = 500;

export function lowerKeys(record: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}
