import type { ExerciseCategory } from "@/db/tables/exercises";
import { isMuscleGroup, type Equipment, type MuscleGroup } from "./vocabulary";

/**
 * The built-in exercise catalog, synced into `exercises` (owner null) by sync-catalog.ts.
 *
 * Names follow the "Movement (Equipment)" style of Strong and Hevy, which most imported
 * histories already use. Aliases are other apps' and people's names for the same movement;
 * they are normalised (lib/exercises/normalize.ts) before storage, so "Barbell Squat" needs no
 * alias next to "Squat (Barbell)" — only genuinely different wordings ("Back Squat") do.
 * Slugs are permanent: renaming an exercise keeps its slug.
 */
export interface CatalogExercise {
  slug: string;
  name: string;
  category: ExerciseCategory;
  equipment: Equipment;
  primaryMuscles: MuscleGroup[];
  secondaryMuscles: MuscleGroup[];
  aliases: string[];
}

function muscles(list: string): MuscleGroup[] {
  return list
    .split(" ")
    .filter(Boolean)
    .map((m) => {
      if (!isMuscleGroup(m)) throw new Error(`catalog: unknown muscle group "${m}"`);
      return m;
    });
}

function x(
  slug: string,
  name: string,
  category: ExerciseCategory,
  equipment: Equipment,
  primary: string,
  secondary: string,
  aliases: string[] = [],
): CatalogExercise {
  return { slug, name, category, equipment, primaryMuscles: muscles(primary), secondaryMuscles: muscles(secondary), aliases };
}

const S = "strength" as const;
const M = "machine" as const;
const B = "bodyweight" as const;
const C = "cardio" as const;
const O = "olympic" as const;
const MOB = "mobility" as const;

const LEGS: CatalogExercise[] = [
  x("squat-barbell", "Squat (Barbell)", S, "barbell", "quads glutes", "hamstrings adductors core", [
    "Back Squat",
    "Barbell Back Squat",
    "High Bar Squat",
    "Low Bar Squat",
    "Squat",
    "Back Squat (Barbell)",
    "Barbell Squats",
  ]),
  x("front-squat-barbell", "Front Squat (Barbell)", S, "barbell", "quads glutes", "core adductors", ["Front Squat"]),
  x("pause-squat-barbell", "Pause Squat (Barbell)", S, "barbell", "quads glutes", "core adductors", [
    "Pause Squat",
    "Paused Squat",
    "Paused Back Squat",
  ]),
  x("box-squat-barbell", "Box Squat (Barbell)", S, "barbell", "quads glutes", "hamstrings core", ["Box Squat"]),
  x("squat-smith-machine", "Squat (Smith Machine)", M, "smith-machine", "quads glutes", "hamstrings"),
  x("squat-dumbbell", "Squat (Dumbbell)", S, "dumbbell", "quads glutes", "core"),
  x("goblet-squat", "Goblet Squat", S, "dumbbell", "quads glutes", "core", ["Goblet Squat (Dumbbell)", "Goblet Squat (Kettlebell)"]),
  x("air-squat", "Air Squat", B, "bodyweight", "quads glutes", "core", ["Bodyweight Squat", "Squat (Bodyweight)"]),
  x("pistol-squat", "Pistol Squat", B, "bodyweight", "quads glutes", "core", ["Single Leg Squat"]),
  x("sissy-squat", "Sissy Squat", B, "bodyweight", "quads", ""),
  x("hack-squat-machine", "Hack Squat (Machine)", M, "machine", "quads glutes", "", ["Hack Squat"]),
  x("belt-squat-machine", "Belt Squat (Machine)", M, "machine", "quads glutes", "adductors", ["Belt Squat"]),
  x("pendulum-squat-machine", "Pendulum Squat (Machine)", M, "machine", "quads glutes", "", ["Pendulum Squat"]),
  x("leg-press-machine", "Leg Press (Machine)", M, "machine", "quads glutes", "hamstrings adductors", [
    "Leg Press",
    "45 Degree Leg Press",
    "Sled Leg Press",
    "Incline Leg Press",
  ]),
  x("leg-extension-machine", "Leg Extension (Machine)", M, "machine", "quads", "", ["Leg Extension", "Quad Extension"]),
  x("seated-leg-curl-machine", "Seated Leg Curl (Machine)", M, "machine", "hamstrings", "calves", ["Seated Leg Curl", "Seated Hamstring Curl"]),
  x("lying-leg-curl-machine", "Lying Leg Curl (Machine)", M, "machine", "hamstrings", "calves", [
    "Lying Leg Curl",
    "Leg Curl",
    "Hamstring Curl",
    "Prone Leg Curl",
    "Leg Curl (Machine)",
  ]),
  x("romanian-deadlift-barbell", "Romanian Deadlift (Barbell)", S, "barbell", "hamstrings glutes", "back forearms", [
    "Romanian Deadlift",
    "RDL",
    "Barbell RDL",
  ]),
  x("romanian-deadlift-dumbbell", "Romanian Deadlift (Dumbbell)", S, "dumbbell", "hamstrings glutes", "back forearms", ["Dumbbell RDL"]),
  x("stiff-leg-deadlift-barbell", "Stiff Leg Deadlift (Barbell)", S, "barbell", "hamstrings glutes", "back", [
    "Stiff Leg Deadlift",
    "Stiff Legged Deadlift",
    "Straight Leg Deadlift",
  ]),
  x("deadlift-barbell", "Deadlift (Barbell)", S, "barbell", "hamstrings glutes back", "quads traps forearms core", [
    "Deadlift",
    "Conventional Deadlift",
    "Conventional Deadlift (Barbell)",
  ]),
  x("sumo-deadlift-barbell", "Sumo Deadlift (Barbell)", S, "barbell", "glutes hamstrings adductors", "quads back traps", ["Sumo Deadlift"]),
  x("trap-bar-deadlift", "Trap Bar Deadlift", S, "trap-bar", "quads glutes hamstrings", "back traps forearms", ["Hex Bar Deadlift"]),
  x("deficit-deadlift-barbell", "Deficit Deadlift (Barbell)", S, "barbell", "hamstrings glutes back", "quads", ["Deficit Deadlift"]),
  x("rack-pull-barbell", "Rack Pull (Barbell)", S, "barbell", "back glutes traps", "hamstrings forearms", ["Rack Pull", "Block Pull"]),
  x("good-morning-barbell", "Good Morning (Barbell)", S, "barbell", "hamstrings back", "glutes", ["Good Morning"]),
  x("hip-thrust-barbell", "Hip Thrust (Barbell)", S, "barbell", "glutes", "hamstrings", ["Hip Thrust", "Barbell Glute Bridge"]),
  x("hip-thrust-machine", "Hip Thrust (Machine)", M, "machine", "glutes", "hamstrings", ["Glute Drive"]),
  x("glute-bridge", "Glute Bridge", B, "bodyweight", "glutes", "hamstrings core"),
  x("bulgarian-split-squat", "Bulgarian Split Squat", S, "dumbbell", "quads glutes", "adductors", [
    "Bulgarian Split Squat (Dumbbell)",
    "Rear Foot Elevated Split Squat",
    "RFESS",
  ]),
  x("split-squat-dumbbell", "Split Squat (Dumbbell)", S, "dumbbell", "quads glutes", "", ["Split Squat"]),
  x("lunge-dumbbell", "Lunge (Dumbbell)", S, "dumbbell", "quads glutes", "hamstrings adductors"),
  x("lunge-barbell", "Lunge (Barbell)", S, "barbell", "quads glutes", "hamstrings adductors"),
  x("walking-lunge-dumbbell", "Walking Lunge (Dumbbell)", S, "dumbbell", "quads glutes", "hamstrings", ["Walking Lunge"]),
  x("reverse-lunge-dumbbell", "Reverse Lunge (Dumbbell)", S, "dumbbell", "quads glutes", "hamstrings", ["Reverse Lunge"]),
  x("lunge-bodyweight", "Lunge", B, "bodyweight", "quads glutes", "hamstrings", ["Lunge (Bodyweight)"]),
  x("step-up-dumbbell", "Step Up (Dumbbell)", S, "dumbbell", "quads glutes", "", ["Step Up", "Box Step Up"]),
  x("standing-calf-raise-machine", "Standing Calf Raise (Machine)", M, "machine", "calves", "", ["Standing Calf Raise", "Calf Raise"]),
  x("seated-calf-raise-machine", "Seated Calf Raise (Machine)", M, "machine", "calves", "", ["Seated Calf Raise"]),
  x("calf-press-machine", "Calf Press (Machine)", M, "machine", "calves", "", [
    "Calf Press",
    "Calf Press on Leg Press",
    "Calf Press on Seated Leg Press",
    "Leg Press Calf Raise",
  ]),
  x("standing-calf-raise-dumbbell", "Standing Calf Raise (Dumbbell)", S, "dumbbell", "calves", "", ["Calf Raise (Dumbbell)"]),
  x("hip-abduction-machine", "Hip Abduction (Machine)", M, "machine", "abductors", "glutes", [
    "Hip Abduction",
    "Abductor Machine",
    "Outer Thigh Machine",
  ]),
  x("hip-adduction-machine", "Hip Adduction (Machine)", M, "machine", "adductors", "", ["Hip Adduction", "Adductor Machine", "Inner Thigh Machine"]),
  x("glute-kickback-machine", "Glute Kickback (Machine)", M, "machine", "glutes", "hamstrings", ["Glute Kickback"]),
  x("glute-kickback-cable", "Glute Kickback (Cable)", M, "cable", "glutes", "hamstrings"),
  x("cable-pull-through", "Pull Through (Cable)", M, "cable", "glutes hamstrings", "back", ["Cable Pull Through", "Pull Through"]),
  x("glute-ham-raise", "Glute Ham Raise", B, "bodyweight", "hamstrings glutes", "calves", ["GHR"]),
  x("nordic-hamstring-curl", "Nordic Hamstring Curl", B, "bodyweight", "hamstrings", "", ["Nordic Curl"]),
  x("back-extension", "Back Extension", B, "bodyweight", "back glutes", "hamstrings", ["Hyperextension", "Back Extension (Bodyweight)"]),
  x("back-extension-weighted", "Back Extension (Weighted)", S, "other", "back glutes", "hamstrings", [
    "Back Extension (Weighted Hyperextension)",
    "Weighted Hyperextension",
  ]),
  x("wall-sit", "Wall Sit", B, "bodyweight", "quads", "glutes"),
  x("kettlebell-swing", "Kettlebell Swing", S, "kettlebell", "glutes hamstrings", "back core shoulders", ["Russian Kettlebell Swing"]),
  x("farmers-walk", "Farmer's Walk", S, "other", "forearms traps", "core full-body", [
    "Farmer's Carry",
    "Kettlebell Carry",
    "Dumbbell Carry",
    "Farmer's Walk (Dumbbell)",
  ]),
  x("sled-push", "Sled Push", S, "other", "quads glutes", "calves full-body", ["Prowler Push"]),
];

const CHEST: CatalogExercise[] = [
  x("bench-press-barbell", "Bench Press (Barbell)", S, "barbell", "chest", "triceps shoulders", [
    "Bench Press",
    "Bench",
    "Flat Bench Press",
    "Flat Barbell Bench Press",
    "Flat Bench Press (Barbell)",
  ]),
  x("bench-press-dumbbell", "Bench Press (Dumbbell)", S, "dumbbell", "chest", "triceps shoulders", [
    "Flat Dumbbell Bench Press",
    "Dumbbell Chest Press",
  ]),
  x("incline-bench-press-barbell", "Incline Bench Press (Barbell)", S, "barbell", "chest shoulders", "triceps", [
    "Incline Bench Press",
    "Incline Bench",
  ]),
  x("incline-bench-press-dumbbell", "Incline Bench Press (Dumbbell)", S, "dumbbell", "chest shoulders", "triceps", [
    "Incline Dumbbell Press",
    "Incline Dumbbell Bench Press",
  ]),
  x("decline-bench-press-barbell", "Decline Bench Press (Barbell)", S, "barbell", "chest", "triceps", ["Decline Bench Press"]),
  x("close-grip-bench-press-barbell", "Close Grip Bench Press (Barbell)", S, "barbell", "triceps chest", "shoulders", [
    "Close Grip Bench Press",
    "CGBP",
  ]),
  x("bench-press-smith-machine", "Bench Press (Smith Machine)", M, "smith-machine", "chest", "triceps shoulders"),
  x("floor-press-barbell", "Floor Press (Barbell)", S, "barbell", "chest triceps", "shoulders", ["Floor Press"]),
  x("chest-press-machine", "Chest Press (Machine)", M, "machine", "chest", "triceps shoulders", ["Chest Press", "Seated Chest Press"]),
  x("incline-chest-press-machine", "Incline Chest Press (Machine)", M, "machine", "chest shoulders", "triceps", ["Incline Chest Press"]),
  x("iso-lateral-chest-press-machine", "Iso-Lateral Chest Press (Machine)", M, "machine", "chest", "triceps shoulders", [
    "Hammer Strength Chest Press",
  ]),
  x("chest-fly-dumbbell", "Chest Fly (Dumbbell)", S, "dumbbell", "chest", "shoulders", ["Dumbbell Fly", "Flat Dumbbell Fly"]),
  x("incline-chest-fly-dumbbell", "Incline Chest Fly (Dumbbell)", S, "dumbbell", "chest", "shoulders", ["Incline Dumbbell Fly"]),
  x("chest-fly-machine", "Chest Fly (Machine)", M, "machine", "chest", "shoulders", [
    "Pec Deck (Machine)",
    "Pec Deck",
    "Machine Fly",
    "Seated Machine Fly",
    "Butterfly Machine",
  ]),
  x("cable-crossover", "Cable Crossover", M, "cable", "chest", "shoulders", [
    "Cable Fly",
    "Chest Fly (Cable)",
    "Cable Crossover Ladder",
    "Standing Cable Fly",
  ]),
  x("low-to-high-cable-fly", "Low to High Cable Fly", M, "cable", "chest", "shoulders", ["Low Cable Fly", "Cable Fly (Low to High)"]),
  x("push-up", "Push Up", B, "bodyweight", "chest", "triceps shoulders core", ["Press Up", "Push Up (Bodyweight)"]),
  x("incline-push-up", "Incline Push Up", B, "bodyweight", "chest", "triceps shoulders"),
  x("decline-push-up", "Decline Push Up", B, "bodyweight", "chest shoulders", "triceps"),
  x("diamond-push-up", "Diamond Push Up", B, "bodyweight", "triceps chest", "shoulders", ["Close Grip Push Up"]),
  x("chest-dip", "Chest Dip", B, "bodyweight", "chest triceps", "shoulders", [
    "Dip",
    "Dips",
    "Parallel Bar Dip",
    "Parallel Bar Triceps Dip",
    "Triceps Dip",
    "Dip (Bodyweight)",
  ]),
  x("chest-dip-weighted", "Chest Dip (Weighted)", S, "other", "chest triceps", "shoulders", ["Weighted Dip", "Dip (Weighted)"]),
  x("chest-dip-assisted", "Chest Dip (Assisted)", M, "machine", "chest triceps", "shoulders", ["Assisted Dip", "Dip (Assisted)"]),
  x("pullover-dumbbell", "Pullover (Dumbbell)", S, "dumbbell", "chest lats", "triceps", ["Dumbbell Pullover"]),
];

const BACK: CatalogExercise[] = [
  x("pull-up", "Pull Up", B, "bodyweight", "lats back", "biceps forearms", ["Pull Up (Bodyweight)", "Pullup"]),
  x("pull-up-weighted", "Pull Up (Weighted)", S, "other", "lats back", "biceps forearms", ["Weighted Pull Up"]),
  x("pull-up-assisted", "Pull Up (Assisted)", M, "machine", "lats back", "biceps", ["Assisted Pull Up Machine", "Band Assisted Pull Up"]),
  x("wide-pull-up", "Wide Pull Up", B, "bodyweight", "lats back", "biceps", ["Wide Grip Pull Up"]),
  x("chin-up", "Chin Up", B, "bodyweight", "lats biceps", "back forearms", ["Chin Up (Bodyweight)"]),
  x("chin-up-weighted", "Chin Up (Weighted)", S, "other", "lats biceps", "back forearms"),
  x("chin-up-assisted", "Chin Up (Assisted)", M, "machine", "lats biceps", "back"),
  x("lat-pulldown-cable", "Lat Pulldown (Cable)", M, "cable", "lats", "biceps back", [
    "Lat Pulldown",
    "Wide Grip Lat Pulldown",
    "Pulldown",
    "Lat Pulldown (Wide Grip)",
  ]),
  x("lat-pulldown-machine", "Lat Pulldown (Machine)", M, "machine", "lats", "biceps back", ["Iso-Lateral Pulldown (Machine)"]),
  x("close-grip-lat-pulldown-cable", "Lat Pulldown - Close Grip (Cable)", M, "cable", "lats", "biceps back", [
    "Close Grip Lat Pulldown",
    "V Bar Pulldown",
    "Close Grip Pulldown",
  ]),
  x("single-arm-lat-pulldown-cable", "Single Arm Lat Pulldown (Cable)", M, "cable", "lats", "biceps", [
    "Sitting 1-Arm Lat Pulldown",
    "Single Arm Lat Pulldown",
  ]),
  x("straight-arm-pulldown-cable", "Straight Arm Pulldown (Cable)", M, "cable", "lats", "triceps core", [
    "Straight Arm Pulldown",
    "Stiff Arm Pulldown",
  ]),
  x("seated-row-cable", "Seated Row (Cable)", M, "cable", "back lats", "biceps forearms", [
    "Cable Row",
    "Seated Cable Row - V Grip (Cable)",
    "Seated Cable Row - Bar Wide Grip",
    "Low Row",
  ]),
  x("seated-row-machine", "Seated Row (Machine)", M, "machine", "back lats", "biceps", ["Machine Row", "Iso-Lateral Row (Machine)"]),
  x("bent-over-row-barbell", "Bent Over Row (Barbell)", S, "barbell", "back lats", "biceps traps forearms", [
    "Barbell Row",
    "Bent Over Row",
    "Bent-Over Barbell Row",
  ]),
  x("pendlay-row-barbell", "Pendlay Row (Barbell)", S, "barbell", "back lats", "biceps traps", ["Pendlay Row"]),
  x("bent-over-row-dumbbell", "Dumbbell Row", S, "dumbbell", "back lats", "biceps", [
    "Bent Over Row (Dumbbell)",
    "One Arm Dumbbell Row",
    "Single Arm Dumbbell Row",
    "Single Arm Row (Dumbbell)",
  ]),
  x("chest-supported-row-dumbbell", "Chest Supported Incline Row (Dumbbell)", S, "dumbbell", "back lats", "biceps shoulders", [
    "Chest Supported Row",
    "Incline Dumbbell Row",
    "Chest Supported Row (Dumbbell)",
  ]),
  x("t-bar-row", "T-Bar Row", S, "barbell", "back lats", "biceps traps", ["Landmine Row", "T-Bar Row (Machine)"]),
  x("seal-row-barbell", "Seal Row (Barbell)", S, "barbell", "back lats", "biceps", ["Seal Row"]),
  x("inverted-row", "Inverted Row", B, "bodyweight", "back lats", "biceps core", ["Bodyweight Row", "Australian Pull Up"]),
  x("face-pull-cable", "Face Pull (Cable)", M, "cable", "shoulders traps", "back", ["Face Pull", "Rope Face Pull", "Cable 1-Arm Face Pull"]),
  x("shrug-barbell", "Shrug (Barbell)", S, "barbell", "traps", "forearms", ["Shrug"]),
  x("shrug-dumbbell", "Shrug (Dumbbell)", S, "dumbbell", "traps", "forearms"),
  x("shrug-cable", "Shrug (Cable)", M, "cable", "traps", "forearms"),
  x("rear-delt-fly-dumbbell", "Rear Delt Reverse Fly (Dumbbell)", S, "dumbbell", "shoulders", "back traps", [
    "Reverse Fly (Dumbbell)",
    "Rear Delt Fly",
    "Bent Over Reverse Fly",
  ]),
  x("rear-delt-fly-cable", "Rear Delt Reverse Fly (Cable)", M, "cable", "shoulders", "back traps", [
    "Reverse Fly (Cable)",
    "Reverse Fly Single Arm (Cable)",
    "Rear Delt Fly (Cable)",
  ]),
  x("rear-delt-fly-machine", "Rear Delt Reverse Fly (Machine)", M, "machine", "shoulders", "back traps", [
    "Reverse Pec Deck",
    "Reverse Fly (Machine)",
  ]),
  x("superman", "Superman", B, "bodyweight", "back", "glutes"),
];

const SHOULDERS: CatalogExercise[] = [
  x("overhead-press-barbell", "Overhead Press (Barbell)", S, "barbell", "shoulders", "triceps core traps", [
    "Overhead Press",
    "OHP",
    "Military Press",
    "Standing Military Press",
    "Strict Press",
    "Shoulder Press (Barbell)",
    "Standing Overhead Press",
  ]),
  x("seated-overhead-press-barbell", "Seated Overhead Press (Barbell)", S, "barbell", "shoulders", "triceps", ["Seated Military Press"]),
  x("push-press-barbell", "Push Press (Barbell)", S, "barbell", "shoulders", "triceps quads core", ["Push Press"]),
  x("shoulder-press-dumbbell", "Shoulder Press (Dumbbell)", S, "dumbbell", "shoulders", "triceps", [
    "Seated Dumbbell Press",
    "Overhead Press (Dumbbell)",
    "Seated Shoulder Press (Dumbbell)",
  ]),
  x("arnold-press-dumbbell", "Arnold Press (Dumbbell)", S, "dumbbell", "shoulders", "triceps", ["Arnold Press"]),
  x("shoulder-press-machine", "Shoulder Press (Machine)", M, "machine", "shoulders", "triceps", [
    "Seated Shoulder Press (Machine)",
    "Shoulder Press (Machine Plates)",
    "Overhead Press (Machine)",
  ]),
  x("landmine-press", "Landmine Press", S, "barbell", "shoulders chest", "triceps core"),
  x("lateral-raise-dumbbell", "Lateral Raise (Dumbbell)", S, "dumbbell", "shoulders", "traps", [
    "Lateral Raise",
    "Side Lateral Raise",
    "Side Lateral Raise (Dumbbell)",
    "Side Raise",
  ]),
  x("lateral-raise-cable", "Lateral Raise (Cable)", M, "cable", "shoulders", "traps", ["Single Arm Lateral Raise (Cable)", "Cable Lateral Raise"]),
  x("lateral-raise-machine", "Lateral Raise (Machine)", M, "machine", "shoulders", ""),
  x("front-raise-dumbbell", "Front Raise (Dumbbell)", S, "dumbbell", "shoulders", "chest", ["Front Raise"]),
  x("front-raise-plate", "Front Raise (Plate)", S, "other", "shoulders", "chest", ["Plate Front Raise"]),
  x("upright-row-barbell", "Upright Row (Barbell)", S, "barbell", "shoulders traps", "biceps", ["Upright Row"]),
  x("handstand-push-up", "Handstand Push Up", B, "bodyweight", "shoulders triceps", "core", ["HSPU"]),
  x("pike-push-up", "Pike Push Up", B, "bodyweight", "shoulders", "triceps"),
];

const ARMS: CatalogExercise[] = [
  x("bicep-curl-barbell", "Bicep Curl (Barbell)", S, "barbell", "biceps", "forearms", ["Barbell Curl", "Standing Barbell Curl"]),
  x("bicep-curl-dumbbell", "Bicep Curl (Dumbbell)", S, "dumbbell", "biceps", "forearms", [
    "Dumbbell Curl",
    "Bicep Curl",
    "Curl",
    "Alternating Dumbbell Curl",
  ]),
  x("bicep-curl-cable", "Bicep Curl (Cable)", M, "cable", "biceps", "forearms", ["Cable Curl"]),
  x("bicep-curl-ez-bar", "Bicep Curl (EZ Bar)", S, "ez-bar", "biceps", "forearms", ["EZ Bar Curl", "EZ Curl"]),
  x("hammer-curl-dumbbell", "Hammer Curl (Dumbbell)", S, "dumbbell", "biceps forearms", "", ["Hammer Curl"]),
  x("hammer-curl-cable", "Hammer Curl (Cable)", M, "cable", "biceps forearms", "", ["Rope Hammer Curl"]),
  x("preacher-curl-barbell", "Preacher Curl (Barbell)", S, "barbell", "biceps", "forearms", ["Preacher Curl", "Preacher Curl (EZ Bar)"]),
  x("preacher-curl-dumbbell", "Preacher Curl (Dumbbell)", S, "dumbbell", "biceps", "forearms"),
  x("preacher-curl-machine", "Preacher Curl (Machine)", M, "machine", "biceps", "forearms", ["Machine Curl"]),
  x("incline-curl-dumbbell", "Seated Incline Curl (Dumbbell)", S, "dumbbell", "biceps", "forearms", ["Incline Dumbbell Curl", "Incline Curl"]),
  x("concentration-curl", "Concentration Curl", S, "dumbbell", "biceps", "", ["Concentration Curl (Dumbbell)"]),
  x("bayesian-cable-curl", "Bayesian Cable Curl", M, "cable", "biceps", "", ["Bayesian Curl"]),
  x("reverse-curl-barbell", "Reverse Curl (Barbell)", S, "barbell", "forearms biceps", "", ["Reverse Curl", "Reverse Grip Curl"]),
  x("triceps-pushdown-cable", "Triceps Pushdown (Cable)", M, "cable", "triceps", "", [
    "Triceps Pushdown",
    "Triceps Pressdown",
    "Rope Pushdown",
    "Triceps Rope Pushdown",
    "Triceps Pushdown (Rope)",
  ]),
  x("triceps-extension-cable", "Triceps Extension (Cable)", M, "cable", "triceps", "", [
    "Overhead Cable Triceps Extension",
    "Katana Triceps Extension",
    "Cable Overhead Triceps Extension",
  ]),
  x("triceps-extension-dumbbell", "Triceps Extension (Dumbbell)", S, "dumbbell", "triceps", "", [
    "Overhead Triceps Extension (Dumbbell)",
    "Dumbbell Overhead Extension",
    "Overhead Triceps Extension",
  ]),
  x("triceps-extension-machine", "Triceps Extension (Machine)", M, "machine", "triceps", ""),
  x("skullcrusher-barbell", "Skullcrusher (Barbell)", S, "barbell", "triceps", "", [
    "Skullcrusher",
    "Skullcrusher (EZ Bar)",
    "Lying Triceps Extension (Barbell)",
    "Lying Triceps Extension",
  ]),
  x("skullcrusher-dumbbell", "Skullcrusher (Dumbbell)", S, "dumbbell", "triceps", ""),
  x("triceps-kickback-dumbbell", "Triceps Kickback (Dumbbell)", S, "dumbbell", "triceps", "", ["Triceps Kickback"]),
  x("triceps-kickback-cable", "Triceps Kickback (Cable)", M, "cable", "triceps", ""),
  x("jm-press-barbell", "JM Press (Barbell)", S, "barbell", "triceps", "chest", ["JM Press"]),
  x("seated-dip-machine", "Seated Dip (Machine)", M, "machine", "triceps", "chest", ["Dip Machine", "Triceps Dip (Machine)"]),
  x("bench-dip", "Bench Dip", B, "bodyweight", "triceps", "chest shoulders"),
  x("wrist-curl-dumbbell", "Wrist Curl (Dumbbell)", S, "dumbbell", "forearms", "", [
    "Wrist Curl",
    "Seated Palms Up Wrist Curl",
    "Palms Up Wrist Curl",
  ]),
  x("reverse-wrist-curl-dumbbell", "Reverse Wrist Curl (Dumbbell)", S, "dumbbell", "forearms", "", [
    "Reverse Wrist Curl",
    "Seated Palms Down Wrist Curl",
    "Palms Down Wrist Curl",
  ]),
  x("dead-hang", "Dead Hang", B, "bodyweight", "forearms", "lats shoulders", ["Bar Hang"]),
];

const CORE: CatalogExercise[] = [
  x("plank", "Plank", B, "bodyweight", "core", "shoulders", ["Front Plank", "Forearm Plank"]),
  x("side-plank", "Side Plank", B, "bodyweight", "core", "abductors"),
  x("crunch", "Crunch", B, "bodyweight", "core", "", ["Abdominal Crunch", "Crunch (Bodyweight)"]),
  x("crunch-weighted", "Crunch (Weighted)", S, "other", "core", ""),
  x("crunch-machine", "Crunch (Machine)", M, "machine", "core", "", ["Ab Crunch Machine", "Abdominal Machine"]),
  x("decline-crunch", "Decline Crunch", B, "bodyweight", "core", "", ["Decline Crunch (Weighted)", "Decline Sit Up"]),
  x("cable-crunch", "Cable Crunch", M, "cable", "core", "", ["Kneeling Cable Crunch"]),
  x("sit-up", "Sit Up", B, "bodyweight", "core", ""),
  x("hanging-leg-raise", "Hanging Leg Raise", B, "bodyweight", "core", "forearms", ["Hanging Knee Raise"]),
  x("lying-leg-raise", "Lying Leg Raise", B, "bodyweight", "core", "", ["Leg Raise"]),
  x("toes-to-bar", "Toes to Bar", B, "bodyweight", "core", "lats forearms", ["T2B"]),
  x("russian-twist", "Russian Twist", B, "bodyweight", "core", ""),
  x("ab-wheel-rollout", "Ab Wheel Rollout", B, "other", "core", "lats shoulders", ["Ab Wheel", "Ab Rollout"]),
  x("dragon-flag", "Dragon Flag", B, "bodyweight", "core", ""),
  x("side-bend-dumbbell", "Side Bend (Dumbbell)", S, "dumbbell", "core", ""),
  x("pallof-press-cable", "Pallof Press (Cable)", M, "cable", "core", "", ["Pallof Press"]),
  x("woodchop-cable", "Woodchop (Cable)", M, "cable", "core", "shoulders", ["Cable Woodchop", "Woodchopper"]),
  x("dead-bug", "Dead Bug", B, "bodyweight", "core", ""),
  x("bicycle-crunch", "Bicycle Crunch", B, "bodyweight", "core", ""),
  x("mountain-climber", "Mountain Climber", B, "bodyweight", "core", "shoulders cardio"),
  x("hollow-hold", "Hollow Body Hold", B, "bodyweight", "core", "", ["Hollow Hold"]),
  x("neck-curl", "Neck Curl", S, "other", "neck", "", ["Neck Flexion"]),
  x("neck-extension", "Neck Extension", S, "other", "neck", "traps"),
  x("turkish-get-up", "Turkish Get Up (Kettlebell)", S, "kettlebell", "full-body", "shoulders core", ["Turkish Get Up", "TGU"]),
];

const CARDIO: CatalogExercise[] = [
  x("running", "Running", C, "none", "cardio", "quads hamstrings calves", ["Run", "Outdoor Run", "Jogging", "Jog", "Running (Outdoor)"]),
  x("treadmill", "Treadmill", C, "cardio-machine", "cardio", "quads hamstrings calves", [
    "Treadmill Run",
    "Running (Treadmill)",
    "Treadmill Running",
    "Incline Treadmill Walk",
  ]),
  x("walking", "Walking", C, "none", "cardio", "calves", ["Walk", "Outdoor Walk"]),
  x("cycling", "Cycling", C, "other", "cardio", "quads glutes", ["Bike Ride", "Road Cycling", "Cycling (Outdoor)", "Outdoor Cycling"]),
  x("stationary-bike", "Stationary Bike", C, "cardio-machine", "cardio", "quads", [
    "Exercise Bike",
    "Spin Bike",
    "Indoor Cycling",
    "Cycling (Indoor)",
    "Spinning",
    "Bike",
  ]),
  x("air-bike", "Air Bike", C, "cardio-machine", "cardio", "full-body", ["Assault Bike", "Echo Bike"]),
  x("rowing-machine", "Rowing (Machine)", C, "cardio-machine", "cardio", "back quads", [
    "Rower",
    "Row Erg",
    "Rowing",
    "Indoor Rowing",
    "Concept2 Rower",
  ]),
  x("ski-erg", "Ski Erg", C, "cardio-machine", "cardio", "lats triceps core"),
  x("elliptical", "Elliptical Trainer", C, "cardio-machine", "cardio", "quads glutes", ["Elliptical", "Cross Trainer"]),
  x("stair-climber", "Stair Climber", C, "cardio-machine", "cardio", "quads glutes calves", ["Stairmaster", "Stair Machine", "Stepmill"]),
  x("swimming", "Swimming", C, "none", "cardio", "full-body", ["Swim"]),
  x("hiking", "Hiking", C, "none", "cardio", "quads glutes calves", ["Hike"]),
  x("jump-rope", "Jump Rope", C, "other", "cardio", "calves", ["Skipping", "Skipping Rope"]),
  x("battle-ropes", "Battle Ropes", C, "other", "cardio", "shoulders core"),
  x("burpee", "Burpee", B, "bodyweight", "full-body", "cardio chest quads"),
  x("jumping-jack", "Jumping Jack", B, "bodyweight", "cardio", "calves"),
  x("box-jump", "Box Jump", B, "bodyweight", "quads glutes", "calves"),
];

const OLYMPIC: CatalogExercise[] = [
  x("power-clean", "Power Clean", O, "barbell", "full-body", "traps quads glutes hamstrings", ["Power Clean (Barbell)"]),
  x("hang-clean", "Hang Clean", O, "barbell", "full-body", "traps quads", ["Hang Clean (Barbell)", "Hang Power Clean"]),
  x("clean", "Clean (Barbell)", O, "barbell", "full-body", "quads glutes traps", ["Squat Clean", "Clean"]),
  x("clean-and-jerk", "Clean and Jerk", O, "barbell", "full-body", "shoulders quads glutes", ["Clean & Jerk (Barbell)"]),
  x("snatch", "Snatch (Barbell)", O, "barbell", "full-body", "shoulders quads glutes", ["Snatch", "Squat Snatch"]),
  x("power-snatch", "Power Snatch", O, "barbell", "full-body", "shoulders traps", ["Power Snatch (Barbell)"]),
  x("push-jerk", "Push Jerk", O, "barbell", "shoulders", "triceps quads", ["Split Jerk", "Jerk"]),
  x("thruster-barbell", "Thruster (Barbell)", S, "barbell", "quads shoulders", "glutes triceps core", ["Thruster"]),
];

const MOBILITY: CatalogExercise[] = [
  x("warm-up", "Warm Up", MOB, "none", "full-body", "", ["General Warm Up", "Warmup"]),
  x("stretching", "Stretching", MOB, "none", "full-body", "", ["Stretch", "Cool Down", "Static Stretching"]),
  x("foam-rolling", "Foam Rolling", MOB, "other", "full-body", "", ["Foam Roller"]),
  x("yoga", "Yoga", MOB, "none", "full-body", "core"),
];

export const EXERCISE_CATALOG: readonly CatalogExercise[] = [
  ...LEGS,
  ...CHEST,
  ...BACK,
  ...SHOULDERS,
  ...ARMS,
  ...CORE,
  ...CARDIO,
  ...OLYMPIC,
  ...MOBILITY,
];

export const CATALOG_BY_SLUG: ReadonlyMap<string, CatalogExercise> = new Map(EXERCISE_CATALOG.map((e) => [e.slug, e]));
