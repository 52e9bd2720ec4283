// Screens whose API arrives with the server's keys/2FA/boards work: false shows the navigation entry
// marked "coming" instead of the page.
export const READY = { boards: true, apiKeys: true, twoFactor: true };
