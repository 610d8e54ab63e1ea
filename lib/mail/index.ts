export { describeMail, sendMail, MailDeliveryError, DEFAULT_EMAIL_FROM } from "./transport";
export { sendMagicLinkEmail } from "./magic-link";
