/**
 * How much one form may hold. A token is a stranger's credential: without a cap, one client
 * could fill the server's disk (10,000 requests an hour of 10 MB each).
 */
export const MAX_DOCUMENTS_PER_FORM = 100;
export const MAX_BENEFICIARIES_PER_FORM = 100;
