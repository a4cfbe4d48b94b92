/**
 * Schema version 10: a certification may expire (the scenario's `certification.validDays`). The
 * date it stays valid until is decided with the certification and stored with it; null: for good.
 */
export const sql = `
ALTER TABLE attempts ADD COLUMN certified_until TEXT;
`;
