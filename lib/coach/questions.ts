import type { SophisticationLevel } from "@/db/tables/coach";
import type { FieldKey } from "./fields";
import type { TrainingSummary } from "./history";

/**
 * Question wording per sophistication level: plain words for beginners, the usual gym words for
 * intermediates, periodization / RPE / methodology names for advanced lifters.
 */
type Wording = { beginner: string; intermediate: string; advanced: string };
const same = (s: string): Wording => ({ beginner: s, intermediate: s, advanced: s });

const QUESTIONS: Record<FieldKey, Wording> = {
  goals: same(
    "What would you most like training to do for you — get stronger, build muscle, lose fat, improve your fitness or endurance, something else? Mention a few if you like.",
  ),
  experienceYears: {
    beginner: "How long have you been working out? It's completely fine if you're just starting.",
    intermediate: "How long have you been lifting, and what kind of training have you done?",
    advanced: "How many years have you been training seriously, and in what disciplines?",
  },
  frequency: {
    beginner: "How many days a week can you realistically get a workout in?",
    intermediate: "How many days a week do you train right now (or want to)?",
    advanced: "What's your current weekly training frequency — sessions per week?",
  },
  injuries: {
    beginner: "Is anything sore, injured or painful that I should be careful with? If not, just say “none”.",
    intermediate: "Any injuries or limitations I should work around — shoulders, knees, back? “None” is a fine answer.",
    advanced: "Any current or past injuries, or movement restrictions, that should shape exercise selection and loading?",
  },
  // Never asked on its own (checklist `asked: false`): restrictions come with other answers.
  restrictions: same("Any movements I should leave out or keep light, even without an injury?"),
  equipment: {
    beginner: "Where will you train — a gym, at home with some equipment, or with no equipment at all?",
    intermediate: "What equipment do you have — a full gym, a home gym with a barbell, just dumbbells or bands?",
    advanced: "What's your equipment access — full commercial gym, garage gym with rack and barbell, or minimal?",
  },
  coachingStyle: {
    beginner: "How should I talk to you: lots of encouragement, straight-to-the-point, or somewhere in between?",
    intermediate: "What coaching style works for you — encouraging, direct and no-nonsense, or balanced?",
    advanced: "Coaching style: do you want it direct and blunt, encouraging, or balanced?",
  },
  voice: same("Which voice should your coach have during workouts: Alice (warm and upbeat) or Aiden (calm and punchy)?"),
  units: same("Do you think in kilograms or pounds?"),
  age: {
    beginner: "How old are you? It helps me pick a safe pace. (You can skip this.)",
    intermediate: "How old are you? It helps me plan recovery. (Optional.)",
    advanced: "Age? It factors into recovery capacity and volume tolerance. (Optional.)",
  },
  timeline: {
    beginner: "Is there a date or a time frame you have in mind for your goal, like “by summer”?",
    intermediate: "Do you have a timeline for that goal — a date, an event, or a number of weeks?",
    advanced: "What's the timeline — a meet date, a peaking window, a block length?",
  },
  sessionLength: {
    beginner: "About how long can each workout be?",
    intermediate: "How long are your sessions, usually?",
    advanced: "Typical session length, including warm-ups?",
  },
  recovery: {
    beginner: "How many hours do you usually sleep, and how stressful is life right now — low, medium or high?",
    intermediate: "How is recovery — hours of sleep per night and your stress level (low, moderate, high)?",
    advanced: "Recovery check: average sleep per night, and life stress (low/moderate/high) — it sets how hard we can push volume.",
  },
  motivation: {
    beginner: "What made you want to start? Knowing your “why” helps me keep you going.",
    intermediate: "What keeps you motivated to train?",
    advanced: "What drives you right now — a total, a meet, a physique goal, something else?",
  },
  methodology: {
    beginner: "Is there a program you'd like to follow, or should I choose one for you?",
    intermediate: "Do you have a program style you like — 5/3/1, push/pull/legs, linear progression — or should I pick?",
    advanced:
      "Any methodology you run or want to run — 5/3/1, conjugate, RPE-based block periodization, hypertrophy blocks — or should I program it?",
  },
  favoriteMovements: same("Which exercises do you enjoy most? I'll keep them in."),
  dislikedMovements: same("Any exercises you dislike and would rather not do?"),
  successMetrics: {
    beginner: "How will you know it's working — feeling stronger, how you look, the scale, or just showing up?",
    intermediate: "How do you want to measure success — numbers on the bar, physique, bodyweight, consistency?",
    advanced: "Which metrics matter — e1RM / total, physique, bodyweight class, performance markers?",
  },
  competition: {
    beginner: "Are you interested in ever competing in a sport like powerlifting, or not really?",
    intermediate: "Any plans to compete — powerlifting, weightlifting, strongman, CrossFit — or not?",
    advanced: "Competing? If so which federation/sport, and is there a meet on the calendar?",
  },
  nutrition: {
    beginner: "Would you like some help with food as well, or just training?",
    intermediate: "Do you want nutrition guidance — none, the basics, or detailed (macros)?",
    advanced: "Nutrition support: none, basic guidelines, or detailed macro tracking?",
  },
  learningStyle: {
    beginner: "Do you prefer short instructions, or explanations of why we do things?",
    intermediate: "Do you like short answers, explanations, or the numbers and charts?",
    advanced: "Feedback format: brief cues, reasoning, or data (e1RM trends, volume, RPE)?",
  },
  checkIn: same("How often should I check in on your progress — after every session, weekly, or monthly?"),
};

export function questionFor(key: FieldKey, level: SophisticationLevel): string {
  return QUESTIONS[key][level];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "You train about 3×/week … your squat has stalled since March — is that right?" */
export function historyQuestion(summary: TrainingSummary): string {
  const parts: string[] = [];
  parts.push(`From your training log: you train about ${summary.perWeek}×/week`);
  if (summary.spanMonths >= 1) {
    const years = Math.round(summary.spanMonths / 6) / 2;
    parts[0] +=
      summary.spanMonths >= 12
        ? ` and have logged ${years} year${years === 1 ? "" : "s"} of training`
        : ` and have logged ${summary.spanMonths} month${summary.spanMonths === 1 ? "" : "s"} of training`;
  }
  if (summary.mainLifts.length) parts.push(`your main lifts are ${summary.mainLifts.slice(0, 3).join(", ")}`);
  for (const t of summary.trends.slice(0, 2)) {
    const month = MONTHS[Number(t.since.slice(5, 7)) - 1];
    const lift = t.exercise.replace(/\s*\(.*\)$/, "").toLowerCase();
    if (t.status === "stalled") parts.push(`your ${lift} has stalled since ${month}`);
    else if (t.status === "up") parts.push(`your ${lift} is still going up`);
    else parts.push(`your ${lift} has dipped since ${month}`);
  }
  return `${parts.join("; ")} — is that right? (Correct me if anything's off.)`;
}
