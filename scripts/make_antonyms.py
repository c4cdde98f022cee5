"""Write facilitator/data/understanding/antonyms.tsv: pairs of opposite words, so the mirror
check can tell "you came home early" heard back as "you came home late" (a meaning flipped)
from a paraphrase.

Source: WordNet 3.0 (Princeton University), its "!" antonym pointers between adjectives,
adverbs and verbs. A satellite adjective inherits the antonym of its head ("speedy" is a
satellite of "fast", so it is opposite to "slow"). WordNet is huge and bookish; the
conversation of a couple is not, so a pair is kept only where:

- both words are common in today's English (wordfreq's Zipf frequency, a build-time tool
  only: the facilitator reads the written file, never wordfreq), and
- for an inherited pair, the satellite sense is one of the word's two most frequent senses
  (so "close" as in "a close game" does not come in as "opposite of far") and the satellite
  is a single word (not a compound such as "bear-sized"), and
- no one reviewing the list by hand struck it out (``DROP_WORDS``, ``DROP_PAIRS`` below:
  word senses nobody means in conversation, or opposites that would mislead a paraphrase
  check), while the everyday pairs WordNet lacks are added (``ADD_PAIRS``).

WordNet 3.0 comes from Debian's ``wordnet-base`` (apt-get install wordnet-base); wordfreq
from PyPI (pip install wordfreq).

    python scripts/make_antonyms.py [--wordnet /usr/share/wordnet] [--out PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "facilitator" / "data" / "understanding" / "antonyms.tsv"

HEADER = """\
# Antonym pairs (word<TAB>word, lowercase), one pair a line, for catching a meaning flipped
# in a paraphrase. Written by scripts/make_antonyms.py; edit that script, not this file.
#
# Source: WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.
# Licence (WordNet 3.0 licence): permission to use, copy, modify and distribute this
# database and its documentation for any purpose and without fee or royalty is granted,
# provided the copyright notice and these statements appear on all copies. THE DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS
# OR IMPLIED. The name of Princeton University may not be used in advertising or publicity
# pertaining to distribution of the database.
#
# Selected from WordNet's antonym pointers (with satellites inheriting their head's
# antonym) by everyday frequency, reviewed by hand; everyday pairs WordNet lacks added.
"""

# Zipf frequency (log10 of uses per billion words) each word of a pair must reach.
MIN_ZIPF_DIRECT = 2.6
MIN_ZIPF_SATELLITE = 3.2
# An inherited pair needs the satellite sense among the word's first senses.
MAX_SATELLITE_RANK = 2
MAX_HEAD_RANK = 3

_MARKER_RE = re.compile(r"\((?:a|p|ip)\)$")

# The review by hand, as three blocks of "word: other, other, ..." lines.
#
# KEEP_ONLY: the word keeps only these partners. A head such as "good" lends its antonym to
# every satellite, including senses nobody means ("good" / "rubber"); this keeps the real ones.
KEEP_ONLY = """
inferior: superior, excellent, outstanding, premium, quality, superb, splendid
natural: artificial, fake, faux, imitation, synthetic, unnatural, staged, simulated
natural: supernatural
present: absent, away, past, future
future: past
past: coming, upcoming, forthcoming, present, future
mild: extreme, fierce, intense, severe, strong, brutal, overwhelming, raging, harsh
sane: crazy, insane, mad, nuts, deranged, unbalanced, irrational, lunatic
dull: bright, lively, sharp, shiny, spirited, bubbly, exciting, interesting
unimportant: important, big, key, main, central, serious, fundamental
short: long, tall, lengthy, extended, prolonged, endless
ordinary: exceptional, extraordinary, remarkable, special, uncommon, unusual
old: new, young, youthful, fresh
same: different, distinct, opposite
real: imaginary, unreal, pretend, fictional, fictitious, fake
divided: united, unified, agreed, undivided
plain: fancy, elaborate, patterned
familiar: strange, unfamiliar, weird, odd
incomplete: complete, completed, finished
distant: close, near, intimate, nearby
well: badly, ill, poorly, sick, unwell
easy: challenging, difficult, tough, tricky, hard
raw: cooked
low: high, higher, upper
dry: wet, damp, moist, humid, rainy
late: early, earlier, beforehand, premature
young: old, older, elderly, aged
genuine: bogus, counterfeit, fake, phony, forged, sham, pretended, fictitious
settled: unsettled, undecided, unresolved
unrelated: related, connected
fit: unfit, unsuitable
poor: rich, wealthy, affluent, prosperous
alive: dead, deceased, lifeless
primary: secondary
superior: inferior, mediocre
concentrated: diluted, scattered
straight: crooked, curly, curved, wavy, bent
unworthy: deserving, worthy, valued, worthwhile
empty: full, filled, fill, meaningful, loaded
moderate: excessive, extreme, radical, extremist
wise: foolish, unwise, silly, misguided
slow: fast, quick, rapid, speedy, swift, instant
safe: dangerous, risky, hazardous, unsafe, dodgy, precarious, treacherous
unattractive: appealing, attractive, cute, irresistible
legal: illegal, illicit, banned, prohibited, illegitimate
unsettled: settled
peripheral: central
big: little, small, smaller, tiny, miniature, minute, petite
large: little, small, smaller, tiny, miniature, minute, petite
small: big, bigger, large, larger, huge, enormous, giant, gigantic, immense, massive, vast
small: colossal, bulky, oversized, sizable, sizeable, spacious, whopping, mammoth, great
small: tremendous, jumbo
little: big, bigger, large, larger, huge, enormous, giant, gigantic, immense, massive, vast
little: colossal, much, great, tremendous
soft: hard, firm, loud, harsh, shouted, yelled
unsuccessful: successful, fruitful, thriving
unknown: known, famous, well-known
right: wrong, left, mistaken, false, incorrect
pleasant: unpleasant, nasty, harsh, painful
single: double, married
all: none, no, nothing
no: yes
some: none
direct: indirect, roundabout
pleased: displeased, annoyed, irritated, disgusted, offended
rested: tired, exhausted, drained, weary, worn out
ugly: beautiful, gorgeous, handsome, pretty, lovely, attractive
distinct: indistinct, blurry, blurred, faint, fuzzy
horizontal: vertical, upright
vertical: horizontal
last: first, initial, next
weak: strong, powerful, strengthened
smooth: rough, bumpy, rocky
harmless: harmful, damaging, hurtful, dangerous, abusive, detrimental
unauthorized: authorized
powerless: powerful, mighty
bad: good
improper: proper, decent, appropriate, correct
conventional: unconventional, eccentric, unusual
full: empty, vacant
clear: unclear, vague, confusing, cloudy, blurred, obscure
fat: thin, skinny, slim, slender
humane: cruel, inhumane, brutal, inhuman
clean: dirty, filthy, unclean, greasy, muddy
tame: wild, exciting
overt: covert, secret, hidden
sporadic: continual, persistent, constant, recurring, repeated
implicit: explicit, stated
moral: immoral, shameful
sober: drunk, drunken, intoxicated, stoned
relaxed: tense, nervous, stressed, uptight, edgy, strained
unnecessary: necessary, needed, essential, required
lost: found, won
joyful: sad, sorrowful, heartbroken, grieving, mourning
north: south
south: north
northern: southern
decreased: increased
permanent: temporary, passing, transient, interim
quiet: noisy, loud
hot: cold, chilly, freezing, icy, frosty
successful: unsuccessful, failed
clothed: naked
closing: opening, beginning, starting
blessed: cursed
maximum: minimum
free: trapped, captive, bound, imprisoned
careless: careful, conscientious, thorough
common: rare, uncommon
unpaid: paid
imperfect: perfect, flawless, ideal
visible: hidden, invisible, concealed
unfinished: finished, done, complete
stable: unstable, shaky, volatile
fortunate: unfortunate, unlucky
outgoing: shy
general: specific, particular
uneven: even, level, equal
senior: junior
accompanied: alone, unaccompanied
impossible: possible, achievable, doable, feasible, manageable
back: front, ahead
unaffected: affected, moved
mental: physical, bodily
joint: separate
humble: arrogant, proud, vain, bragging
up: down
public: private, confidential
forward: backward, backwards, reverse
solid: liquid, hollow
cold: hot, warm, heated
invalid: valid
constructive: destructive, negative
timid: bold, brave, confident, fearless
unhealthy: healthy, wholesome
feminine: masculine, manly
unintended: deliberate, intended, intentional
thin: thick, fat, chubby, overweight, obese
loose: tight
optional: compulsory, mandatory, required
unconditional: conditional
preceding: following, next
uncontrolled: controlled
original: unoriginal
undesirable: desirable, desired
dark: light, bright, lit
united: divided, split, disconnected
voluntary: forced, involuntary
necessary: unnecessary, needless
inexperienced: experienced
tense: relaxed, relax, mellow
rough: smooth, gentle
frail: strong, robust, sturdy
sincere: insincere, hypocritical, fake
specific: general, vague, unspecified
national: international
steady: unsteady, unstable, shaky
minor: major
unrealistic: realistic, practical
normal: abnormal, weird, strange
concrete: abstract, vague
sweet: sour, bitter
active: inactive, passive
unreal: real, actual
adequate: inadequate, insufficient, lacking
urban: rural
worse: better, improved
new: old, used
profound: superficial, shallow
unlikely: likely, probable
unofficial: official, formal
satisfactory: unsatisfactory, unacceptable, disappointing
bottom: top
worst: best
glad: sad, sorry
open: close, closed, shut, blocked
cowardly: brave, courageous
lose: find, keep, win
long: short, brief
rich: poor, broke, impoverished
idle: busy
uncertain: certain, sure, confident, convinced, definite, positive
organized: chaotic, disorganized, unorganized, messy
faithful: cheating, unfaithful, untrue
extraordinary: ordinary, commonplace, everyday, mundane, routine
continual: intermittent, occasional, sporadic
unequal: equal
high: low
honorable: dishonorable, shameful, disgraceful
respectful: disrespectful, insulting, mocking, rude
junior: senior
near: far, farther, distant, remote
strong: weak, feeble, weakened
noticed: forgotten, ignored, neglected, overlooked, unnoticed
fresh: stale
worthless: valuable, precious, worthy
spoken: written, unspoken
naive: sophisticated, worldly
lawful: unlawful
trustworthy: untrustworthy, shady
narrow: wide, broad
pointless: worthwhile, meaningful
sound: unsound
incompetent: able, competent, effective, efficient
gradual: sudden, abrupt
logical: illogical, irrational
scarce: abundant, plentiful
wrong: right, correct, accurate
hateful: lovable
negative: positive, optimistic
calm: angry, agitated, stormy, upset, worked up
social: antisocial, solitary, withdrawn, alone
professional: amateur, unprofessional
unexpected: expected, anticipated
wet: dry, dried
asleep: awake, waking
separate: joint, together, shared
submissive: domineering, bullying, oppressive, dominant
dependent: independent, autonomous
uncommon: common
graceful: awkward, clumsy
hopeful: hopeless, desperate, bleak, despairing
interesting: boring, tedious, uninteresting, dull
skilled: unskilled
unbroken: broken, interrupted
concerned: unconcerned, indifferent, detached
informal: formal
indefinite: definite
cheerful: depressing, dismal, melancholy, gloomy
mature: childish, immature, juvenile
dirty: clean, spotless, immaculate
coherent: incoherent
uncomfortable: comfortable, cosy, cozy
inefficient: efficient, competent
complete: partial, incomplete
unsure: confident, convinced, positive, sure
conscious: unconscious, subconscious
cool: warm
false: true, truthful, correct
perfect: flawed, imperfect
unprotected: protected, safe
innocent: guilty
decent: indecent, improper
proud: ashamed, humble, humiliated
kind: unkind, cruel, mean, hurtful
encouraging: discouraging
honest: deceptive, dishonest, fraudulent, misleading
defeated: triumphant, victorious
sufficient: insufficient, inadequate
employed: unemployed
loyal: disloyal
serious: silly, playful, joking
wasteful: thrifty, economical
meaningful: meaningless, insignificant
fancy: plain
unjust: just
hard: soft, easy
found: lost, missing, misplaced
happy: unhappy, miserable, sad
important: trivial, unimportant
physical: mental, emotional, psychological
loud: quiet, soft, subdued, whispering
tidy: messy, sloppy, untidy
wide: narrow
absent: present
inaccessible: accessible, available
unusual: usual, customary
passive: active, proactive
flexible: inflexible, rigid, stubborn
admit: deny
favorable: unfavorable, adverse
down: up
female: male
fashionable: unfashionable, dated
unfair: fair
connected: disconnected, unconnected
irrelevant: relevant, pertinent, applicable
awake: asleep, sleepy
miss: hit, attend, catch
attentive: inattentive, distracted, oblivious
unbalanced: balanced
beautiful: ugly, hideous
white: black
interested: bored, uninterested, indifferent
break: keep, repair, fix
narrow-minded: broad-minded, open-minded
planned: unplanned, spontaneous
stay: leave, go, move, depart
unchanged: changed, transformed
cheap: expensive, costly, pricey
pessimistic: optimistic, upbeat
tall: short
subjective: objective
irrational: rational, reasonable
colorful: colorless, dull
exclusive: inclusive
unfit: fit, suitable, suited
destructive: constructive, creative
controlled: uncontrolled
ill: well, healthy
formal: informal, casual
decisive: indecisive, hesitant, undecided
increasing: decreasing, diminishing, falling
rush: delay, linger
thick: thin
privileged: disadvantaged, deprived, underprivileged
unwanted: wanted, desired
diligent: lazy, negligent
unwilling: willing, prepared
stubborn: flexible
smart: dumb, stupid, foolish
tough: tender, soft, easy
educated: uneducated, ignorant
ineffective: effective
restrained: unrestrained, excessive
written: unwritten, spoken, oral
fail: succeed, pass, manage
unpopular: popular
few: many, numerous
nice: mean, nasty
unpredictable: predictable
frequent: infrequent, occasional, rare
full-time: part-time
productive: unproductive
plausible: implausible, unbelievable, improbable
impractical: practical, pragmatic
regular: irregular
significant: insignificant, trivial
unmarried: married, wed
stand: sit
limited: unlimited, unrestricted
peaceful: violent, stormy
unprepared: prepared
unreliable: reliable, dependable
useless: useful, usable
accurate: inaccurate
unavailable: available
fair: unfair, cheating
unclear: clear
go: come
different: same, identical
complimentary: derogatory
consistent: inconsistent
light: heavy, dark
impatient: patient
like: dislike
orderly: disorderly
divide: unite
energetic: lethargic
enter: exit
east: west
true: untrue, false
forget: remember
unfortunate: lucky, fortunate
supported: unsupported
ignore: notice
personal: impersonal
relevant: irrelevant
raise: lower
reasonable: unreasonable
welcome: unwelcome
thoughtful: thoughtless
tasteless: tasteful, tasty
unpleasant: enjoyable, pleasant
insecure: secure, assured
defend: attack
reduce: increase
lazy: busy, hardworking
rise: fall
sensitive: insensitive
tight: loose
"""

# DROP_PAIRS: these partners go; the word's other pairs stay.
DROP_PAIRS = """
guilty: acquitted, cleared
admit: exclude, reject
composed: bothered, embarrassed
brave: chicken, yellow
informed: clueless
even: odd, wavy, uneven
usual: odd, strange
meaningless: meaning, pregnant
valuable: negligible, wasted
close: removed
understood: explicit
exhausted: left, leftover, remaining
vulnerable: entrenched, invulnerable, sheltered
wholesome: morbid, sickening, vile
still: no longer, noisy, sparkling
selfish: sharing
merciful: ruthless
abandoned: inhabited
abnormal: average, mean
advanced: early
alone: social
backward: assuming, cheeky, sassy
unfamiliar: beaten
late: beforehand
best: lowest
better: worsen
southern: blue
bright: mat, matt, matte
emotional: cerebral, chilly, philosophical
simple: composite, compound, tangled
following: directing, directive, guiding, leading
dominant: under
natural: dyed
early: middle
empty: fill
ineligible: entitled, desirable, suitable, worthy
valid: expired, null, void
explicit: inherent, underlying
exterior: indoor, inside
first: second, ultimate
foreign: indigenous, interior, municipal
gentle: intense
unhappy: golden, laughing
good: pretty, sorry, sinister, despicable
other: identical, said, very, aforementioned
illegal: judicial, ratified, sanctioned, statutory
indirect: immediate, nonstop, through
inappropriate: pat
inclined: upright
qualified: outright, unlimited
small: spacious
surface: underground
advance: recede
coloured: impartial
absolute: relational, relative
extinct: extant, surviving
actual: latent, potential
acute: chronic, obtuse
retarded: advanced, precocious
minus: advantageous, plus
substantial: aerial, ethereal
fore: aft, after
confined: aggressive, invasive
air-to-air: air-to-surface, surface-to-air
altered: timeless, unaltered
aquatic: amphibious, overland
ample: bare, meager
synthetic: analytic, isolating
annual: biennial, perennial
biennial: perennial
faced: anonymous, faceless
antagonistic: conciliatory, synergistic
subsequent: antecedent, prior
arise: lie down, sit down
unarmed: armed, barbed
arranged: disturbed, misplaced
naturally: artificially, unnaturally
counterfeit: authentic, documented
manual: automated, automatic
awkward: convenient, fluent
bald: covert, hairy
solvent: bankrupt, insolvent
civilized: barbarian, barbaric
fertile: barren, sterile
starve: be full, feed
suffer: be well, enjoy
headed: beheaded, headless
bland: stimulating, tasty
blind: seeing, sighted
breathing: blown, breathless
unborn: born, hatched
side: top, upper
bound: liberated, unbound
infinite: bounded, finite
darken: brighten, lighten
developed: budding, undeveloped
secondary: capital, firsthand
centralized: decentralized, localized
charge: discharge, pay cash
military: civil, civilian
forfeit: claim, won
opaque: translucent, transparent
opening: concluding, final
refined: rude, vulgar
coastal: inland, midland
commercial: noncommercial, nonprofit
concise: redundant, tedious
conditional: stark, vested
ill-advised: considered, well-advised
variable: constant, strict
continued: discontinued, interrupted
continuous: discontinuous, disrupted
inconvenient: convenient, handy
unconventional: customary, received
endemic: epidemic, pandemic
provincial: traveled, travelled
positive: counter, neutral
current: obsolete, outdated
healthy: dehydrated, inflammatory
independent: reliant, underage
protected: exposed, naked
determined: undetermined, unexplained
integrate: differentiate, disintegrate
difficult: elementary, simplified
dignified: humiliating, ridiculous
improved: dirt, scrub
veiled: disclosed, unveiled
discouraging: persuasive, rallying
restricted: discretionary, unrestricted
immediate: mediate, mediated
diversify: specialise, specialize
undocumented: documented, referenced
sharpen: flatten, soften
dying: emerging, nascent
earned: honorary, unearned
edible: inedible, poisonous
illiterate: literary, literate
uneducated: knowledgeable, learned
elective: nominated, obligatory
empirical: hypothetical, speculative
unemployed: hired, working
exempt: enforce, liable
inclusive: only, selective
scheduled: extra, unscheduled
homemade: factory-made, manufactured
falling: improving, rising
literal: figurative, poetic
federal: local, unitary
finished: pending, undone
precede: follow, succeed
whole: fractional, half
organic: inorganic, mineral
retrospective: potential, prospective
green: mellow, ripe
net: gross, overall
heavy-footed: light-footed, tripping
low-tech: high-tech, sophisticated
thirsty: hungry, starved
illegitimate: legitimate, rightful
mobile: immobile, stiff
probable: improbable, supposed
injured: intact, uninjured
inner: outer, satellite
structured: inorganic, unstructured
offshore: inshore, onshore
invisible: microscopic, visual
involuntary: volunteer, willing
sacred: lay, profane
maxi: midi, mini
unspecified: mere, specified
multiple: only, sole
one-piece: three-piece, two-piece
orthodox: reformed, unorthodox
standing: pouring, seated
stimulate: sedate, stifle
abolish: establish
absolve: blame
absorb: emit
absorbed: reflected
abstain: consume
academic: applied
accessible: outback
acid-loving: alkaline-loving
acidic: alkaline
act: refrain
acutely: chronically
aerobic: anaerobic
affirm: negate
affirmative: dissenting
afloat: aground
age: rejuvenate
agnostic: gnostic
air-to-surface: surface-to-air
algorithmic: heuristic
alienated: oriented
align: skew
aligned: crooked
defunct: operative
alternate: opposite
bare: covered
anal: oral
analogous: homologous
analogue: digital
analyze: synthesize
androgynous: male
animate: inanimate
approving: unfavorable
approximate: exact
aqueous: igneous
arbitrary: prescribed
arid: lively
arm: disarm
ascend: descend
asexual: sexual
sensible: numb
assent: dissent
asymmetrical: symmetrical
asynchronous: synchronous
at the least: at the most
autumnal: wintry
awaken: cause to sleep
be active: rest
be born: die
bend: straighten
benign: malignant
bettering: worsening
lesser: greater
black-and-white: color
bless: curse
sighted: blinded
blond: brown
bloodless: bloody
blunt: pointed
blur: focus
boil: freeze
boneless: bony
bottle-fed: breast-fed
lateral: top
bottom out: top out
bottom-up: top-down
bottomed: bottomless
bowed: plucked
boycott: patronize
break even: profit
broadly: narrowly
by all means: by no means
by hand: by machine
candid: studied
cast off: cast on
censored: uncensored
central: marginal
discharge: enlist
check in: check out
classical: pop
classified: unclassified
cloudy: serene
clear up: overcast
clement: inclement
clock in: clock out
clockwise: counterclockwise
close up: open up
inland: maritime
cold-blooded: warm-blooded
collective: pervasive
faded: increased
come in: go out
individual: communal
commonplace: exciting
partial: unbiased
complex: simplistic
paid: owing
concave: convex
concealing: revealing
shared: sole
spread: gather
concentric: eccentric
conclusive: inconclusive
liquid: gaseous
confirmed: unconfirmed
conform: deviate
conform to: violate
consecrated: desecrated
conserve: waste
inconsistent: pursuant
constitutional: unconstitutional
contested: uncontested
continental: intercontinental
irregular: timed
discontinued: continuing
contract: expand
contract in: contract out
contracted: expanded
controversial: undisputed
converge: diverge
cover: uncover
covertly: overtly
crazy: practical
credit: debit
flat: sharp
cultivated: wild
curable: incurable
cut: uncut
damaged: undamaged
lighten: weigh down
de facto: de jure
de-energize: energize
deaf: hearing
debilitating: invigorating
indecent: proper
deciduous: evergreen
declared: undeclared
decode: encode
decreasing: raising
deductive: inductive
default: pay up
undefeated: licked
defending: offensive
defensively: offensively
defined: undefined
deflate: inflate
defuse: fuse
defy: lend oneself
deposit: withdraw
deprive: enrich
descriptive: prescriptive
destabilize: stabilize
deteriorate: recuperate
developing: industrial
differ: equal
identical: fraternal
oblique: rectangular
disable: enable
disabling: enabling
discarded: wanted
persuasive: warning
wholesale: retail
disembark: embark
disenchanted: enchanted
dishonest: downright
dishonor: honor
dislodge: lodge
disorder: order
disordered: ordered
disproportionately: proportionately
disqualified: eligible
disqualify: qualify
distinguishable: indistinguishable
diurnal: nocturnal
diversified: unanimous
divest: invest
multiply: singly
tied: untied
divisible: indivisible
international: nationalist
dorsal: ventral
double-barreled: single-barreled
double-breasted: single-breasted
downgrade: upgrade
download: upload
downstream: upstream
downtown: uptown
dramatic: lyric
dress: undress
dress down: dress up
spirited: heartless
dynamic: stagnant
dystopian: utopian
easterly: westerly
ebb: tide
elusive: identifiable
emigrate: immigrate
empirically: theoretically
filled: unfilled
loaded: unloaded
end-stopped: run-on
endless: finite
endogenous: exogenous
enforceable: unenforceable
erase: record
evenly: unevenly
evil: saving
explicitly: implicitly
explode: implode
export: import
extensive: intensive
externally: internally
extinguish: ignite
extracellular: intracellular
fall back: gain
fall short of: satisfy
singular: plural
local: systemic
masculine: neuter
manly: sissy
sterile: rank
figuratively: literally
file in: file out
filial: parental
fire: hire
ultimate: proximate
rigid: tolerant
float: sink
fold: unfold
leading: pursuing
foolish: sage
former: latter
forte: piano
sour: sweeten
occasional: predictable
frozen: melting
full-term: premature
function: malfunction
functioning: malfunctioning
funded: unfunded
futile: useful
generalize: specify
generalized: specialized
generic: proprietary
geographic: magnetic
get off: get on
go off: go on
sudden: graduated
handmade: machine-made
heavy: lightweight
heavy-duty: light-duty
helpless: powerful
high-interest: low-interest
high-resolution: low-resolution
high-rise: low-rise
high-tension: low-tension
hollow: massive
holy: unholy
hop on: hop out
hopefully: hopelessly
human: inhuman
ill-defined: well-defined
legitimate: wrongful
imaginable: unthinkable
immaterial: material
immortal: mortal
impassable: passable
impeccable: wicked
impossibly: possibly
impotent: potent
imprecise: precise
in hand: out of hand
in vitro: in vivo
incoming: retiring
official: summary
outer: inward
innocuous: noxious
inoperable: operable
insane: lucid
insignificant: noticeable
insoluble: soluble
instrumental: vocal
insufficiently: sufficiently
insured: uninsured
intellectual: mindless
intelligible: unintelligible
intensifying: moderating
inwardly: outwardly
irreversible: reversible
issue: recall
justly: unjustly
keep down: vomit
known: unidentified
lawfully: unlawfully
leave office: take office
leeward: windward
lengthen: shorten
let: prevent
let out: take in
lie: sit
likely: remote
listed: unlisted
live in: live out
log in: log out
long-spurred: short-spurred
lowland: upland
major: peanut
make peace: war
malnourished: nourished
manned: unmanned
mark down: mark up
maternal: paternal
midi: mini
maximal: minimal
medical: surgical
medieval: modern
mitigated: unmitigated
molar: molecular
move: stand still
multiple-choice: true-false
trained: untrained
worldly: spiritual
violent: nonviolent
necessarily: unnecessarily
numerical: verbal
objectively: subjectively
obstructed: unobstructed
occupied: unoccupied
off: on
off-line: on-line
off-site: on-site
off-street: on-street
officially: unofficially
offside: onside
offstage: onstage
on the one hand: on the other hand
three-piece: two-piece
opposed: unopposed
passionate: platonic
proactive: retroactive
patriotic: unpatriotic
permissive: preventive
phase in: phase out
plug in: unplug
pop in: pop out
postnatal: prenatal
postwar: prewar
prefix: suffix
pro-choice: pro-life
processed: streaming
profitable: unprofitable
progress: regress
prospective: retro
prudent: rash
publicized: unreleased
published: unpublished
pull in: pull out
punch in: punch out
punished: unpunished
purge: rehabilitate
ravel: unravel
re-entrant: salient
surreal: realistic
refresh: tire
registered: unregistered
regulated: unregulated
wired: wireless
reported: unreported
requested: unsolicited
resist: surrender
rh-negative: rh-positive
ride: walk
seamless: stitched
round: squared
sanitary: unsanitary
saturated: unsaturated
savory: unsavory
scale down: scale up
scientific: unscientific
sealed: unsealed
seasonal: year-round
stretch: shrink
signed: unsigned
sleeved: sleeveless
slip off: slip on
smokeless: smoky
sold: unsold
sonic: supersonic
stabilized: unstable
stay in place: travel
succumb: survive
supervised: unsupervised
tapped: untapped
thickly: thinly
toothed: toothless
turn in: turn out
turned: unturned
unveil: veil
unwind: wind
voiced: whispered
wane: wax
waning: waxing
weightless: weighty
most: fewest, least
reciprocal: unanswered
cheer: complain
come in: go out
live: canned, dead, filmed, out, recorded, taped
"""

# DROP_WORDS: every WordNet pair of these goes (rare, technical, offensive, or a word people
# use in another sense: "moving" is touching, "engaged" is to be married).
DROP_WORDS = {w.replace("_", " ") for w in """
subordinate caller comparable invertebrate hairless fatty adjective running middle-class
cardinal ordinal tertiary astronomical banging cosmic galactic heroic macro monstrous
mountainous untold epic titanic such demonic satanic rubber howling rattling exceeding sunrise
sunset queer rum downright sheer utter autistic diabetic peaked preserved raped postgraduate
graduate eminent lofty utmost proto wee intervening mid primal bastard correlate descendant kin
akin crippled handicapped dipped halt game flush plush lush assassinated executed murdered
slain auxiliary subsidiary supplemental supplementary utility standby derived bum bush punk
kinky model noteworthy notable instinct laden ultra fleet winged cunning taking outlaw outlawed
smuggled punishable ordained effected situated centric medial focal midget micro erect blasting
in illustrious famed renowned legendary nigh port acid tart binary manifold treble aggregate
retrograde inverse oblique alternating alpha beta measurable strategic pitched tipped tilted
skewed diagonal swimming freshman premier premiere sophomore knockout fortified accredited
commissioned glorified licensed regent reigning almighty dandy swell bully kosher victorian
halal bisexual heterosexual homosexual lesbian butch transgender nuclear maverick bohemian
looted glazed fell brute buggy clandestine undercover hardcore graphic moving northbound
southbound northeast northeastern northwest northwestern southeast southeastern southwest
southwestern northward southward westward eastward yankee union confederate existent ascending
descending topless peeled inaugural maiden goddamn blasted token nominal borderline mercenary
prepaid freelance mint mastered infrared ultraviolet occult terminated seismic volcanic crank
designate elect inbound inward succeeding jr. sr. petty anterior posterior veer foremost
corporal physiological gaseous tubular beetle projecting incidental unmarked intrusive parallel
perpendicular hale bouncing prerequisite obligatory fluorescent pastel sectional velvet
streamlined sleek husky iron gilded oily pandemic gross prima starring stellar star pictorial
submarine submerged subsurface underwater overhead paranormal psychic untreated adjunct
assistant associate recessive native rounded angular angled asteroid rectangular triangular
crescent cylindrical elliptical oval spherical cubic planar flattened linear nonlinear square
forensic existential homogeneous heterogeneous invading predatory raiding lower-class middle-
class upper-class bourgeois u non-u blue-collar white-collar working-class gallant gritty
valiant fugitive clipped center leftist reactionary conservative liberal progressive undue
quits coordinate saved squat virtuous graphical inscribed lawless wrongful panoramic spiked
domestic intrinsic terrestrial amphibious aquatic grassroots unilateral multilateral collateral
synonymous complementary contradictory converse functional dysfunctional adaptive reputable
qualitative insurgent renegade subversive eastern western scotch vanilla stark mere tailored
fragrant terminal median used questionable biological suppressed untouched equatorial polar
septic articulate credible audible democratic undemocratic totalitarian noble ready-made
bespoke custom-made partisan concealed coarse divergent convergent cosmopolitan rugged
destroyed detected discriminate disproportionate distal proximal earthly divine frivolous
lowered religious secular pagan ethnic permissible righteous induced reactive susceptible
outward segregated perennial viable caucasian topped negro colored at_the_most cast_on
""".split()}

# ADD_PAIRS: everyday opposites WordNet lacks, or has only in a sense the filters above drop.
ADD_PAIRS = """
fast: slow
faster: slower
quick: slow
quickly: slowly
early: late
earlier: later
sooner: later
on time: late
punctual: late
more: less, fewer
most: least
much: little
many: few
too much: too little
relieved: regretful
want: refuse
accept: reject, refuse, decline
include: exclude, leave out
included: excluded, left out
remember: forget
start: stop, finish, end
begin: end, finish
continue: stop
open: closed, shut, guarded, secretive, closed off
open up: shut down, close off
tidy: messy, untidy
neat: messy, untidy
clean: messy, dirty
organised: disorganised
together: apart, alone, separately, separate, separated
separate: combined, combine, merge, merged, joint, shared
keep: stop, quit
strict: relaxed, lenient, lax, soft
stricter: relaxed, lenient, softer
closer: distant, further
close: distant, far
near: far
nearby: far away
loud: quiet, soft
loudly: quietly
noisy: quiet, silent
shout: whisper
yell: whisper
always: never
ever: never
often: rarely, seldom
frequently: rarely
usually: rarely
everyone: nobody, no one
everybody: nobody, no one
someone: no one
somebody: nobody
everything: nothing
something: nothing
everywhere: nowhere
somewhere: nowhere
all: none
yes: no
agree: disagree
like: dislike
love: hate
trust: distrust
allow: forbid
respect: disrespect
respected: disrespected
respectful: rude
listen: ignore
pay attention: ignore
look after: neglect
come: go, leave
arrive: leave, depart
stay: leave, go
stay in: go out
return: leave
give: take, receive
send: receive
bring: take
win: lose
winner: loser
success: failure
succeed: fail
pass: fail
good: bad
better: worse
best: worst
great: terrible, awful
nice: horrible, nasty
lovely: horrible
wonderful: awful
right: wrong
correct: incorrect, wrong
true: false
truth: lie
possible: impossible
likely: unlikely
certain: uncertain
sure: unsure
happy: sad, unhappy
happier: sadder
glad: sorry
pleased: disappointed
satisfied: dissatisfied, unsatisfied
content: discontented
calm: angry, upset, anxious, nervous, stressed, tense, agitated
relaxed: stressed, anxious, uptight
relaxing: stressful
safe: unsafe, dangerous
secure: insecure
confident: insecure, unsure
hopeful: hopeless
optimistic: pessimistic
proud: ashamed
grateful: ungrateful
comfortable: uncomfortable
pleasant: unpleasant
excited: bored
interested: bored, uninterested
interesting: boring
exciting: boring
fun: boring
laugh: cry
smile: frown
hot: cold
warm: cold, cool
strong: weak
stronger: weaker
brave: cowardly
rich: poor
cheap: expensive
light: heavy, dark
big: small
bigger: smaller
large: small
huge: tiny
long: short
longer: shorter
tall: short
old: new, young
older: younger
modern: old-fashioned
high: low
higher: lower
increase: decrease, reduce
raise: lower
rise: fall
up: down
upstairs: downstairs
above: below
over: under
top: bottom
front: back
first: last
next: previous, last
before: after
beforehand: afterwards
past: future
yesterday: tomorrow
morning: evening, night
day: night
weekday: weekend
summer: winter
easy: hard, difficult
simple: complicated
clear: unclear, vague, confusing
specific: vague
important: unimportant, trivial
serious: joking
full: empty
hungry: full
busy: free
awake: asleep
sober: drunk
healthy: unhealthy, sick, ill
well: sick
kind: unkind, cruel, mean
generous: stingy, selfish, mean
selfish: selfless, unselfish
patient: impatient
polite: rude
gentle: rough, harsh
strict: lenient
tight: loose
flexible: rigid, stubborn
willing: unwilling, reluctant
eager: reluctant
careful: careless, reckless
responsible: irresponsible
mature: immature
reliable: unreliable
consistent: inconsistent
fair: unfair
honest: dishonest
loyal: disloyal
faithful: unfaithful
considerate: inconsiderate
thoughtful: thoughtless
tolerant: intolerant
sensitive: insensitive
supportive: unsupportive
helpful: unhelpful
friendly: unfriendly, hostile
attentive: inattentive, distracted
focused: distracted
available: unavailable
present: absent
involved: uninvolved
engaged: disengaged
connected: disconnected
welcome: unwelcome
wanted: unwanted
loved: unloved
appreciated: unappreciated
valued: undervalued
accepted: rejected
understood: misunderstood
noticed: ignored
trusted: distrusted
married: single, divorced
husband: wife
mother: father
mom: dad
mum: dad
son: daughter
brother: sister
boyfriend: girlfriend
man: woman
boy: girl
mine: yours
with: without
home: away
inside: outside
indoors: outdoors
here: there
public: private
formal: casual
introvert: extrovert
outgoing: shy
buy: sell
spend: save
save: waste
lend: borrow
push: pull
lock: unlock
turn on: turn off
switch on: switch off
turn up: turn down
speed up: slow down
pick up: drop off
make up: break up
get together: break up
wake up: fall asleep
get up: go to bed
sit: stand
hide: show
reveal: conceal
catch: miss
hit: miss
help: hinder
support: undermine
encourage: discourage
praise: criticise, criticize
compliment: criticise, criticize, insult
defend: attack
build: destroy
create: destroy
fix: break
keep: break, lose
find: lose
gain: lose
join: leave, quit
lead: follow
question: answer
ask: answer
hold: let go
speak up: keep quiet
entirely: partly
completely: partly
fully: partly
"""


def read_index(path: Path) -> dict[tuple[str, str], int]:
    """(lemma, synset offset) -> the sense's rank for that lemma (1 = most frequent)."""
    rank: dict[tuple[str, str], int] = {}
    for line in path.open(encoding="utf-8"):
        if line.startswith(" "):
            continue  # licence text at the top of every file
        f = line.split()
        n_pointers = int(f[3])
        offsets = f[4 + n_pointers + 2:]
        for i, offset in enumerate(offsets):
            rank[(f[0], offset)] = i + 1
    return rank


def read_data(path: Path) -> dict[str, tuple[str, list[str], list[tuple[str, str, int, int]]]]:
    """synset offset -> (type, lemmas, pointers (symbol, target offset, source#, target#))."""
    synsets = {}
    for line in path.open(encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split(" | ", 1)[0].split()
        offset, kind, n_words = f[0], f[2], int(f[3], 16)
        lemmas = [_MARKER_RE.sub("", f[4 + 2 * i]).lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        pointers = []
        for i in range(int(f[k])):
            symbol, target, _pos, source_target = f[k + 1 + 4 * i:k + 5 + 4 * i]
            pointers.append((symbol, target, int(source_target[:2], 16),
                             int(source_target[2:], 16)))
        synsets[offset] = (kind, lemmas, pointers)
    return synsets


def wordnet_pairs(wordnet: Path, zipf) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()

    def common(lemma: str, floor: float) -> bool:
        return all(zipf(w) >= floor for w in lemma.split("_"))

    for pos in ("adj", "adv", "verb"):
        synsets = read_data(wordnet / f"data.{pos}")
        rank = read_index(wordnet / f"index.{pos}")
        heads: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for offset, (_kind, lemmas, pointers) in synsets.items():
            for symbol, target, source, dest in pointers:
                if symbol != "!" or not source:
                    continue
                a, b = lemmas[source - 1], synsets[target][1][dest - 1]
                heads[offset].append((b, target))
                if common(a, MIN_ZIPF_DIRECT) and common(b, MIN_ZIPF_DIRECT):
                    pairs.add(_pair(a, b))
        if pos != "adj":
            continue
        for offset, (kind, lemmas, pointers) in synsets.items():
            if kind != "s":
                continue
            head = next((t for s, t, _, _ in pointers if s == "&"), None)
            for opposite, opposite_offset in heads.get(head, ()):
                if rank.get((opposite, opposite_offset), 99) > MAX_HEAD_RANK:
                    continue
                if not common(opposite, MIN_ZIPF_SATELLITE):
                    continue
                for lemma in lemmas:
                    if (rank.get((lemma, offset), 99) <= MAX_SATELLITE_RANK
                            and _single(lemma) and common(lemma, MIN_ZIPF_SATELLITE)):
                        pairs.add(_pair(lemma, opposite))
    return pairs


def _single(lemma: str) -> bool:
    # Compounds such as "bear-sized" or "in the buff" are satellites' long tail.
    return "_" not in lemma and "-" not in lemma


def _pair(a: str, b: str) -> tuple[str, str]:
    a, b = a.replace("_", " "), b.replace("_", " ")
    return (a, b) if a <= b else (b, a)


def _table(block: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in block.strip().splitlines():
        word, _, others = line.partition(":")
        table.setdefault(word.strip(), []).extend(o.strip() for o in others.split(","))
    return table


def select(pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    keep_only = {w: set(ps) for w, ps in _table(KEEP_ONLY).items()}
    drop = {_pair(w, p) for w, ps in _table(DROP_PAIRS).items() for p in ps}

    def wanted(a: str, b: str) -> bool:
        if a == b or (a, b) in drop or a in DROP_WORDS or b in DROP_WORDS:
            return False
        return (b in keep_only.get(a, (b,))) and (a in keep_only.get(b, (a,)))

    kept = {p for p in pairs if wanted(*p)}
    kept |= {_pair(w, p) for w, ps in _table(ADD_PAIRS).items() for p in ps}
    return sorted(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"),
                        help="folder holding WordNet 3.0's data.* and index.* files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.adj").is_file():
        print(f"error: no WordNet 3.0 database in {args.wordnet}: "
              "run 'apt-get install wordnet-base' or pass --wordnet", file=sys.stderr)
        return 2
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("error: scripts/make_antonyms.py needs wordfreq: run 'pip install wordfreq'",
              file=sys.stderr)
        return 2

    def zipf(word: str) -> float:
        return zipf_frequency(word, "en")

    rows = select(wordnet_pairs(args.wordnet, zipf))
    text = HEADER + "".join(f"{a}\t{b}\n" for a, b in rows)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} pairs to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
