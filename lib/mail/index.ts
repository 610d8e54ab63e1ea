export { mailTransport, sendMail, MailDeliveryError, DEFAULT_EMAIL_FROM } from "./transport";
export type { MailMessage, MailTransportInfo, SendResult } from "./transport";
export { sendMagicLinkEmail } from "./magic-link";
