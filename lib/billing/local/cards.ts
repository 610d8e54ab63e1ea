/** Stripe's test cards the stand-in understands (https://docs.stripe.com/testing). */
export interface TestCard {
  brand: string;
  /** Declined at checkout with Stripe's message. */
  declined?: { code: string; decline_code: string; message: string };
  /** Attaches and pays the first invoice, but later charges (renewals, prorations) fail. */
  failsLater?: boolean;
}

const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa" },
  "5555555555554444": { brand: "mastercard" },
  "4000000000000002": {
    brand: "visa",
    declined: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  },
  "4000000000009995": {
    brand: "visa",
    declined: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  "4000000000000341": { brand: "visa", failsLater: true },
};

export const LATER_FAILURE = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." };

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export type CardCheck = { ok: true; card: TestCard; last4: string } | { ok: false; field: "number" | "exp" | "cvc"; message: string; code: string };

/** Validates a card like Stripe's hosted checkout (number, expiry, CVC), then applies test-card behaviour. */
export function checkCard(input: { number: string; exp: string; cvc: string }, now: Date): CardCheck {
  const number = input.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number) || !luhnOk(number))
    return { ok: false, field: "number", code: "incorrect_number", message: "Your card number is invalid." };
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.exp);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12)
    return { ok: false, field: "exp", code: "invalid_expiry_month", message: "Your card's expiration date is incomplete." };
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const endOfMonth = Date.UTC(year, Number(m[1]), 1);
  if (endOfMonth <= now.getTime())
    return { ok: false, field: "exp", code: "invalid_expiry_year", message: "Your card's expiration year is in the past." };
  if (!/^\d{3,4}$/.test(input.cvc.trim()))
    return { ok: false, field: "cvc", code: "incomplete_cvc", message: "Your card's security code is incomplete." };
  const card = TEST_CARDS[number];
  if (!card)
    return {
      ok: false,
      field: "number",
      code: "card_declined",
      message:
        "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
    };
  return { ok: true, card, last4: number.slice(-4) };
}
