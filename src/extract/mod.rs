//! Extraction: running every extractor over one article and turning matches into claims —
//! entities resolved (names, spelling variants, pronouns and titles, places inside
//! countries), values normalized, events dated, planned wording tagged.

mod dating;
mod resolve;

use dating::Taken;

use crate::article::{Article, LineIndex};
use crate::claim::{
    ArticleRecord, Away, Claim, Confidence, HeldOffice, Modality, Person, Span, SpellingUse,
    UNDECLARED, Unlike, When,
};
use crate::clause::{self, Clause};
use crate::gazetteer::{Entities, Mention};
use crate::intern::Interner;
use crate::page::PageFacts;
use crate::people::{Description, Discovered, Holding, OFFICE_HOLDER};
use crate::rule::InferScope;
use crate::ruleset::{Capture, CaptureType, Extractor, KeyPart, RuleSet, ValueType};
use crate::sentence::{quotation_around, sentence_at, sentences};
use crate::value::date::{self, DateValue, Direction, Precision};
use crate::value::printed;
use crate::value::{Unresolved, Value, duration, fold_space, number, ordinal, quantity, slug};
use chrono::{Datelike, Days, NaiveDate};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Input, PatternID, PatternSet};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// What extraction knows about one article while it runs.
struct Context<'a> {
    rules: &'a RuleSet,
    /// The rules' entities and the people the article names with a title.
    entities: Entities<'a>,
    article: &'a Article,
    /// The publication date: from the article's metadata, else read from the page.
    date: Option<NaiveDate>,
    /// Whether `date` is only when the page was updated (a bound, not the original).
    date_updated: bool,
    /// With no publication date, the full dates the page writes, sorted: the year of one
    /// is the guessed year of the same day named without one, and the latest's year that
    /// of any other; the latest is the guessed day of its weekday.
    page_dates: Vec<dating::PageDay>,
    /// The two days the page's printed date may be when it reads both ways (`03/01/2023`)
    /// and the article has no other date.
    page_readings: Vec<NaiveDate>,
    /// With no publication date, the month and day the page prints for it without its
    /// year ("--04-25").
    page_days: Option<Box<str>>,
    /// With no publication date, the month the article's metadata names instead (a
    /// marker's `2023-05`): what year a day named without one is in.
    month: Option<DateValue>,
    /// The article id, shared by its claims.
    article_id: Arc<str>,
    body: &'a str,
    /// Line starts of the whole file, for positions.
    index: LineIndex,
    sentences: Vec<Range<usize>>,
    /// The lines of other stories the page lists (see [`crate::page::Page::listings`]),
    /// which no extractor searches.
    listings: Vec<Range<usize>>,
    mentions: Vec<Mention>,
    /// The body with every mention masked (see [`crate::gazetteer::Gazetteer::mask`]):
    /// what extractor patterns run on.
    masked: String,
    /// The entity each mention resolves to, parallel to `mentions`.
    resolved: Vec<Option<usize>>,
    /// The entity the article's dateline names, if any.
    dateline: Option<usize>,
    /// Where the dateline is in the body, date and all.
    dateline_range: Option<Range<usize>>,
    /// Where the date the page prints as its own is in the body, if it is there.
    printed_date: Option<Range<usize>>,
    /// The clauses of each sentence a claim stands in (filled lazily).
    clauses: std::cell::RefCell<HashMap<usize, Vec<Clause>>>,
    /// Where the date grammar finds dates in each sentence read alone (filled lazily): the
    /// sentence's clauses, its report's day and each claim dated in it read them.
    sentence_dates: std::cell::RefCell<HashMap<usize, Rc<[Range<usize>]>>>,
    /// The day each sentence says its report was made, if any (filled lazily).
    report_days: std::cell::RefCell<HashMap<usize, Option<(NaiveDate, usize)>>>,
    /// Where the first planned cue stands in each stretch searched for one, if anywhere
    /// (filled lazily): the claims of a sentence search the same clauses.
    planned_cues: std::cell::RefCell<HashMap<Range<usize>, Option<Range<usize>>>>,
    /// The offices the article says its people hold.
    holdings: Vec<Holding>,
    /// Descriptions of an office's holder, in text order.
    descriptions: Vec<Description>,
    /// The people whose titles name an office, sorted.
    officials: Vec<usize>,
    /// For each kind, its entities and how often the article mentions them, most first
    /// (filled lazily).
    topics: std::cell::RefCell<HashMap<String, Vec<(usize, usize)>>>,
    /// Shared copies of the keys, notes and names claims repeat.
    strings: &'a Interner,
}

/// Whether `text` ends with the mark of a cut: "…" or "...".
fn ends_in_ellipsis(text: &str) -> bool {
    text.ends_with('…') || text.ends_with("...")
}

/// Whether `text` is the mark of a cut alone.
fn is_ellipsis(text: &str) -> bool {
    matches!(text, "…" | "...")
}

/// Why a value or date the article's cut-off end runs into is not read.
const CUT_VALUE: &str = "the article ends mid-sentence right after it: it may be cut short";

/// Why a party the article's cut-off end may have named is not inferred.
const CUT_PARTY: &str =
    "the article ends mid-sentence where the words naming it would follow: they may be cut off";

/// A claim before its event date is looked for in its sentence.
struct Draft {
    claim: Claim,
    span: Range<usize>,
    order: usize,
    sentence: Option<usize>,
    wants_sentence_date: bool,
    dated_by_article: Option<u32>,
    /// Days after the article date a reported claim dated by it may lie in too (see
    /// `dated-by-article-ahead`): none once the match or the article says it happened.
    dated_by_article_ahead: Option<u32>,
    /// Which day of the event the claim's date is (see `day-of-event`); 0 for a day that
    /// can be none (the 400th).
    day_of_event: Option<u32>,
    /// Whether `day_of_event` is the last day of a length ("at the end of his two-day
    /// visit"): news rounds lengths, so the first day it counts back to is a guess.
    day_of_event_by_length: bool,
    /// Days before the claim's date, its event's last, that the event may have begun (see
    /// `date-ends-event`).
    date_ends_event: Option<u32>,
    /// Days before the claim's date, a day during its event, in which a day the article
    /// states for its key is the event's first (see `date-during-event`).
    date_during_event: Option<u32>,
    direction: Direction,
    /// Whether the match names a part of one of its entities (a city of a country): what a
    /// stop inside an event names.
    names_part: bool,
    /// The ordinal its match holds ("his second visit", "her first trip to Chad since
    /// May"), if any: claims of one key that hold different ones are of different events.
    rank: Option<u32>,
    /// Whether its words tell of an event before the article's own ("his previous visit
    /// was in May 2019"; see `earlier-event`).
    earlier: bool,
    /// Its key, when the article's topic or dateline rather than its sentence filled some
    /// of the key's slots: the article's other claims that name them instead say which
    /// they are.
    article_guess: Option<Box<ArticleGuess>>,
    /// Whether it is one of several entities its match names as a list (see `each`).
    listed: bool,
}

/// A key some of whose slots the article guessed (see [`Draft::article_guess`]): its parts
/// in order.
struct ArticleGuess {
    parts: Vec<GuessPart>,
    /// Whether, in the words of a journey (see `journey`), a word that refers back named
    /// one at home in the other slot's place ("he left for Niamey", of the Nigerien
    /// president): unless the article's other claims of the event name someone else, it
    /// tells of a trip home, and the claim is none.
    home_trip: bool,
}

/// What the parties an article guessed for a claim become (see
/// [`Context::follow_named_parties`]).
#[derive(Clone, Copy)]
enum Retaken {
    /// Those the article's other claims of the event name; `told_before` when they are of
    /// the event told before it, among claims that name others.
    Named { told_before: bool },
    /// Unknown: the claim's sentence names several.
    Several,
}

/// A part of an [`ArticleGuess`]'s key.
enum GuessPart {
    /// Text the claim knows: a literal, or a slot its sentence filled.
    Known(String),
    /// The name of a slot the article guessed.
    Guessed(String),
}

impl ArticleGuess {
    /// What `key` puts in each guessed slot, if it has this one's known parts.
    fn fill<'k>(&self, key: &'k str) -> Option<Vec<&'k str>> {
        let mut rest = key;
        let mut values = Vec::new();
        for (i, part) in self.parts.iter().enumerate() {
            match part {
                GuessPart::Known(text) => rest = rest.strip_prefix(text.as_str())?,
                GuessPart::Guessed(_) => {
                    // Up to the next known part, or to the end.
                    let end = match self.parts.get(i + 1) {
                        Some(GuessPart::Known(next)) => rest.find(next.as_str())?,
                        Some(GuessPart::Guessed(_)) => return None,
                        None => rest.len(),
                    };
                    values.push(&rest[..end]);
                    rest = &rest[end..];
                }
            }
        }
        rest.is_empty().then_some(values)
    }
}

impl Draft {
    /// Whether only the tense dates the claim, as the article's day: "has arrived"
    /// ([`dating::TENSE_DATE`]) or "is visiting" ([`dating::UNDER_WAY_DATE`]).
    fn dated_by_tense(&self) -> bool {
        self.rests_on(dating::TENSE_DATE) || self.under_way()
    }

    /// Whether the claim's day may be a later one of its event than the first: only the
    /// tense gives it, what happened or is planned during the event ([`Self::dated_during`]), its
    /// extractor's words (`date-during-event`), or the event's last day, the days before
    /// which it reaches back to ([`DAY_ENDS`]: "concluded her visit today").
    fn dated_by_a_later_day(&self) -> bool {
        self.dated_by_tense()
            || self.dated_during()
            || self.date_during_event.is_some()
            || self.rests_on(DAY_ENDS)
    }

    /// Whether what happened, or what a plan says will happen, during the claim's event
    /// dates it ([`dating::DAY_DURING`], [`dating::PLAN_DAY_DURING`]).
    fn dated_during(&self) -> bool {
        self.rests_on(dating::DAY_DURING) || self.rests_on(dating::PLAN_DAY_DURING)
    }

    /// Whether the claim may be of the same event as `other`: not when their matches hold
    /// different ordinals ("his second visit", beside "his first visit on 10 January"),
    /// nor when one tells of an event before the article's and the other does not ("was
    /// last in Chad on 9 May 2019", beside "during her visit").
    fn same_event_as(&self, other: &Draft) -> bool {
        (self.rank.is_none() || other.rank.is_none() || self.rank == other.rank)
            && self.earlier == other.earlier
    }

    /// Whether only a tense of an event under way ("is visiting") dates the claim.
    fn under_way(&self) -> bool {
        self.rests_on(dating::UNDER_WAY_DATE)
    }

    /// Whether the claim's confidence carries the guess `guess`.
    fn rests_on(&self, guess: &str) -> bool {
        self.claim
            .confidence
            .guesses()
            .iter()
            .any(|g| **g == *guess)
    }
}

/// A claim that may be nearer a date than another claim of another key (see
/// `Context::date_elsewhere`).
struct Rival {
    key: Arc<str>,
    /// Whether its key is tied to entities: a date nearer a claim with an unknown part
    /// may still be another's (the part may be that other's party); a cue in its words is
    /// its own all the same.
    tied: bool,
    /// Whether its words tell of an event before the article's own: one of its own key
    /// all the same ("his second visit; his previous one was in 2011").
    earlier: bool,
    sentence: Option<usize>,
    span: Range<usize>,
}

/// What the rules find in `article`: its claims, sorted by offset, and the spellings it
/// uses of entities with spelling variants.
pub fn extract(article: &Article, rules: &RuleSet) -> ArticleRecord {
    let records = extract_batch(std::slice::from_ref(article), rules, &Interner::default());
    // One record per article: the fallback is never taken.
    records
        .into_iter()
        .next()
        .unwrap_or_else(|| ArticleRecord::new(article))
}

/// [`extract`] for each of `articles`, in order, the strings claims repeat taken from and
/// added to `strings`: extracting many articles with one interner keeps one copy of each
/// key and note. The batch is read phase by phase — every page, then every article's
/// mentions and people, then each extractor over every article — so that the automata of
/// a phase stay in the processor's caches from one article to the next; article by
/// article, each phase would evict the one before it (see [`BATCH`]).
pub fn extract_batch(
    articles: &[Article],
    rules: &RuleSet,
    strings: &Interner,
) -> Vec<ArticleRecord> {
    let pages: Vec<PageFacts> = articles
        .iter()
        .map(|article| rules.page.read(article, &rules.gazetteer))
        .collect();
    let mentions: Vec<Vec<Mention>> = articles
        .iter()
        .map(|article| rules.gazetteer.mentions(article.body()))
        .collect();
    let people: Vec<Option<PatternSet>> = articles
        .iter()
        .map(|article| rules.people.as_ref().map(|p| p.matching(article.body())))
        .collect();
    let contexts: Vec<Context> = articles
        .iter()
        .zip(&pages)
        .zip(mentions)
        .zip(&people)
        .map(|(((article, page), mentions), people)| {
            Context::new(article, rules, strings, page, mentions, people.as_ref())
        })
        .collect();
    let found = search(&contexts);
    contexts
        .into_iter()
        .zip(pages)
        .zip(found)
        .map(|((ctx, page), found)| ctx.record(page, found))
        .collect()
}

/// How many articles [`extract_batch`] reads together at most, phase by phase: each
/// extractor's automaton searches the whole batch before the next one's, so the larger the
/// batch, the fewer times its states come back into the processor's caches (on the
/// 100 MiB benchmark, batches of 32 took about 15 CPU-s, of 512 about 12, of 2,048 no less
/// and more memory).
pub const BATCH: usize = 512;

/// How many of `count` articles to read as one batch: [`BATCH`], or fewer, so that each
/// thread still gets several batches of a small corpus.
pub fn batch_size(count: usize) -> usize {
    (count / (4 * rayon::current_num_threads())).clamp(1, BATCH)
}

/// The drafts of the extractors' matches in one article, in extractor order and then text
/// order, and the extractors that stopped at [`MAX_MATCHES`] there.
#[derive(Default)]
struct Found {
    drafts: Vec<Draft>,
    capped: Vec<String>,
}

/// Each extractor over the search units of each of `contexts` where the prefilter says it
/// may match: extractor by extractor, so that one regex runs over the whole batch before
/// the next. An extractor's matches are drafted after its last search of the batch: one
/// set of capture slots per extractor serves all its searches, as one search cache does,
/// and each match keeps only a copy of its slots until then.
fn search(contexts: &[Context]) -> Vec<Found> {
    let Some(rules) = contexts.first().map(|c| c.rules) else {
        return Vec::new();
    };
    let units: Vec<Vec<Range<usize>>> = contexts
        .iter()
        .map(|c| {
            let mut units = search_units(&c.masked, &c.sentences);
            units.retain(|u| !c.listings.iter().any(|l| l.contains(&u.start)));
            units
        })
        .collect();
    let Scratch {
        mut pairs,
        mut jobs,
        mut matched,
        mut slots,
        mut drafted,
    } = SCRATCH.take();
    // The prefilter's candidates of each article, one article after the other: pairs of
    // extractor and unit, and where each article's pairs end.
    pairs.clear();
    let ends: Vec<usize> = contexts
        .iter()
        .zip(&units)
        .map(|(ctx, units)| {
            rules.prefilter.candidates(&ctx.masked, units, &mut pairs);
            pairs.len()
        })
        .collect();
    // The units each extractor searches, as pairs of article and unit in text order: the
    // candidates sorted by extractor into one list, each extractor's run of it sized up
    // front.
    let mut runs = vec![0..0; rules.extractors.len()];
    for &(order, _) in &pairs {
        runs[order].end += 1;
    }
    let mut start = 0;
    for run in &mut runs {
        *run = start..start + run.end;
        start = run.end;
    }
    jobs.clear();
    jobs.resize(pairs.len(), (0, 0));
    let mut next: Vec<usize> = runs.iter().map(|r| r.start).collect();
    let mut from = 0;
    for (article, &end) in ends.iter().enumerate() {
        for &(order, unit) in &pairs[from..end] {
            jobs[next[order]] = (article, unit);
            next[order] += 1;
        }
        from = end;
    }
    let mut found: Vec<Found> = contexts.iter().map(|_| Found::default()).collect();
    let mut counts = vec![0usize; contexts.len()];
    for (order, run) in runs
        .into_iter()
        .enumerate()
        .filter(|(_, run)| !run.is_empty())
    {
        let extractor = &rules.extractors[order];
        counts.fill(0);
        let mut caps = extractor.regex.create_captures();
        let mut cache = extractor.caches.get();
        for &(article, unit) in &jobs[run] {
            if counts[article] > MAX_MATCHES {
                continue;
            }
            // The whole text with a span, so that `\b` sees the characters around it.
            let input = Input::new(&contexts[article].masked).span(units[article][unit].clone());
            // What `captures_iter` does, without a new set of slots for each match.
            let mut matches = Searcher::new(input);
            while matches
                .advance(|input| {
                    extractor
                        .regex
                        .search_captures_with(&mut cache, input, &mut caps);
                    Ok(caps.get_match())
                })
                .is_some()
            {
                counts[article] += 1;
                if counts[article] > MAX_MATCHES {
                    found[article].capped.push(extractor.id.to_string());
                    break;
                }
                matched.push((article, caps.pattern()));
                slots.extend_from_slice(caps.slots());
            }
        }
        let width = caps.slots().len();
        for ((article, pattern), match_slots) in matched.drain(..).zip(slots.chunks_exact(width)) {
            caps.set_pattern(pattern);
            caps.slots_mut().copy_from_slice(match_slots);
            let ctx = &contexts[article];
            match ctx.each_listed(extractor, &caps) {
                // One draft for each entity the list names, its group narrowed to it.
                Some(Listed { slots, elements }) => {
                    for element in elements {
                        caps.slots_mut()[slots.0] = NonMaxUsize::new(element.start);
                        caps.slots_mut()[slots.1] = NonMaxUsize::new(element.end);
                        if let Some(mut draft) = ctx.draft(extractor, order, &caps) {
                            draft.listed = true;
                            drafted.push((article, draft));
                        }
                    }
                }
                // A list of one is left to the extractors that read one.
                None if extractor.each.is_some() => {}
                None => {
                    if let Some(draft) = ctx.draft(extractor, order, &caps) {
                        drafted.push((article, draft));
                    }
                }
            }
        }
        slots.clear();
    }
    counts.fill(0);
    for &(article, _) in &drafted {
        counts[article] += 1;
    }
    for (f, &n) in found.iter_mut().zip(&counts) {
        f.drafts.reserve_exact(n);
    }
    for (article, draft) in drafted.drain(..) {
        found[article].drafts.push(draft);
    }
    SCRATCH.set(Scratch {
        pairs,
        jobs,
        matched,
        slots,
        drafted,
    });
    found
}

/// The buffers [`search`] fills and empties in each batch, kept by each thread from one
/// batch to the next: grown anew in every batch, they took fresh pages from the system
/// again and again (on the 100 MiB benchmark, a third of all page faults).
#[derive(Default)]
struct Scratch {
    /// The prefilter's candidates of the batch's articles, each a pair of extractor and
    /// unit (see [`crate::prefilter::Prefilter::candidates`]).
    pairs: Vec<(usize, usize)>,
    /// The same as pairs of article and unit, extractor by extractor.
    jobs: Vec<(usize, usize)>,
    /// An extractor's matches over the whole batch, each its article and pattern: drafted
    /// once the extractor has searched them all, so that neither its automaton nor those
    /// drafting reads evict the other's.
    matched: Vec<(usize, Option<PatternID>)>,
    /// The capture slots of those matches, one after the other.
    slots: Vec<Option<NonMaxUsize>>,
    /// The drafts of the batch in the order they are made, each with its article: sorted
    /// into each article's own list, of the exact size, once all are made.
    drafted: Vec<(usize, Draft)>,
}

thread_local! {
    /// Each thread's [`Scratch`].
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

impl<'a> Context<'a> {
    /// What extraction knows of `article` before its extractors run, from what its `page`
    /// prints about itself, the `mentions` of its body, and which people patterns may
    /// match there (see [`crate::people::People::matching`]; `None` with no people).
    fn new(
        article: &'a Article,
        rules: &'a RuleSet,
        strings: &'a Interner,
        page: &PageFacts,
        mentions: Vec<Mention>,
        people_matching: Option<&PatternSet>,
    ) -> Self {
        let date = article.date.or(page.date);
        let body = article.body();
        let discovered = match rules.people.as_ref().zip(people_matching) {
            Some((people, matching)) => {
                people.discover(body, &rules.gazetteer, mentions, date, matching)
            }
            None => Discovered {
                mentions,
                ..Discovered::default()
            },
        };
        let (local, mentions) = (discovered.local, discovered.mentions);
        let holdings = discovered.holdings;
        let entities = Entities {
            gazetteer: &rules.gazetteer,
            local,
        };
        let mut resolved = rules.gazetteer.resolve_all(&mentions);
        // A bare surname two people the article names share, one of them with a title, says
        // neither once both were named before it; before the second is named, it is the
        // first.
        let base = rules.gazetteer.entities().len();
        // The entities named alone so far, in text order.
        let mut named: BTreeSet<usize> = BTreeSet::new();
        for (m, r) in mentions.iter().zip(&mut resolved) {
            if let [only] = m.candidates.as_slice() {
                named.insert(only.entity);
            } else if m.candidates.iter().any(|c| c.entity >= base)
                && m.candidates
                    .iter()
                    .filter(|c| named.contains(&c.entity))
                    .count()
                    != 1
            {
                *r = None;
            }
        }
        let masked = entities.mask(body, &mentions);
        let mut context = Context {
            entities,
            rules,
            article,
            date,
            date_updated: article.date.is_none()
                && page.date_source.as_ref().is_some_and(|s| s.updated),
            page_dates: Vec::new(),
            page_readings: page.readings.clone(),
            page_days: page
                .date_source
                .as_ref()
                .filter(|_| date.is_none())
                .and_then(|s| s.days.as_deref())
                .map(Box::from),
            month: article
                .date_source
                .as_ref()
                .filter(|_| date.is_none())
                .and_then(|source| date::month_of(&source.text)),
            article_id: article.id.as_str().into(),
            body,
            masked,
            index: LineIndex::new(&article.text),
            sentences: sentences(body),
            listings: rules.page.listings(body),
            mentions,
            resolved,
            holdings,
            clauses: Default::default(),
            sentence_dates: Default::default(),
            report_days: Default::default(),
            planned_cues: Default::default(),
            dateline: page
                .dateline
                .as_ref()
                .and_then(|d| d.entity.as_deref())
                .and_then(|id| rules.gazetteer.index_of(id)),
            dateline_range: page.dateline.as_ref().and_then(|d| {
                let r = d.range.clone()?;
                Some(r.start.checked_sub(article.body_start)?..r.end - article.body_start)
            }),
            printed_date: article
                .date_source
                .as_ref()
                .or(page.date_source.as_ref())
                .and_then(|s| s.span)
                .and_then(|s| {
                    let start = (s.start as usize).checked_sub(article.body_start)?;
                    Some(start..(s.end as usize).checked_sub(article.body_start)?)
                }),
            descriptions: discovered.descriptions,
            officials: discovered.officials,
            topics: Default::default(),
            strings,
        };
        // A day written in a clause of another time ("since their ties were restored on
        // August 8, 1979") is no day of the report.
        if date.is_none() {
            context.page_dates =
                dating::full_dates(rules, body, |at| !context.in_clause_of_another_time(at));
        }
        context
    }

    /// Whether offset `at` of the body lies in a clause set aside as of another time
    /// ("since …", "signed on …").
    fn in_clause_of_another_time(&self, at: usize) -> bool {
        sentence_at(&self.sentences, at).is_some_and(|s| {
            self.clauses(s)
                .iter()
                .any(|c| c.of_another_time() && c.range.contains(&at))
        })
    }

    /// The record of the article: its claims from the matches `found`, its spellings,
    /// offices and people.
    fn record(self, page: PageFacts, found: Found) -> ArticleRecord {
        let (article, rules) = (self.article, self.rules);
        let mut record = ArticleRecord::new(article);
        record.date = self.date;
        // The source of the date in force; else why there is none (a marker of a month, a
        // byline without a year).
        record.date_source = match (article.date, page.date) {
            (None, Some(_)) => page.date_source,
            _ => article.date_source.clone().or(page.date_source),
        }
        .map(Box::new);
        record.dateline = page.dateline.map(Box::new);
        (record.claims, record.capped) = self.claims(found);
        if record.date.is_none() {
            record.needs_date = self.needs_date(&record.claims);
        }
        record.spellings = self.spellings();
        let id = |e: usize| self.entities.get(e).id.clone();
        record.offices = self
            .holdings
            .iter()
            .filter_map(|h| {
                let people = rules.people.as_ref()?;
                Some(HeldOffice {
                    office: people.offices[h.office].id.as_str().into(),
                    of: h.of.map(id),
                    person: id(h.person),
                })
            })
            .collect();
        record.people = self
            .entities
            .local
            .iter()
            .filter(|e| !e.id.starts_with(OFFICE_HOLDER))
            .map(|e| Person {
                id: e.id.clone(),
                name: e.name.clone(),
                home: e.home.map(id),
            })
            .collect();
        record
    }
}

/// The stretches of `text` the extractors search one at a time: each sentence with what
/// follows it up to the next sentence or the end of its line. An extractor match never
/// crosses a sentence or a line, and a line holding several sentences is searched only
/// in those that hold an extractor's words.
fn search_units(text: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let next = sentences.get(i + 1).map_or(text.len(), |n| n.start);
            let line_end = text[s.end..next].find('\n').map_or(next, |n| s.end + n + 1);
            s.start..line_end
        })
        .collect()
}

/// The entities a match's list capture names, each of which makes a claim of its own (see
/// [`Extractor::each`]).
struct Listed {
    /// The capture slots (start, end) of the list's group that matched.
    slots: (usize, usize),
    /// Where each entity is first named, in text order.
    elements: Vec<Range<usize>>,
}

impl Context<'_> {
    /// What the list capture of an extractor with `each` names, when it names two entities
    /// of its kind or more.
    fn each_listed(&self, x: &Extractor, caps: &Captures) -> Option<Listed> {
        let capture = x.captures.get(x.each.as_deref()?)?;
        let CaptureType::Entity { kind, .. } = &capture.ty else {
            return None;
        };
        let pattern = caps.pattern()?;
        let (name, list) = capture
            .groups
            .iter()
            .find_map(|g| Some((g, caps.get_group_by_name(g)?.range())))?;
        let info = caps.group_info();
        let slots = info.slots(pattern, info.to_index(pattern, name)?)?;
        // Each entity once, where the list first names it: a city and its country ("Lomé,
        // Togo") are one.
        let mut seen: Vec<usize> = Vec::new();
        let mut elements: Vec<Range<usize>> = Vec::new();
        for (m, e) in self.mentions_in(&list) {
            if let Some(e) = self.entities.as_kind(e, kind)
                && !seen.contains(&e)
                && elements.last() != Some(&m.range)
            {
                seen.push(e);
                elements.push(m.range.clone());
            }
        }
        (elements.len() > 1).then_some(Listed { slots, elements })
    }
}

/// Fewest letters a one-word name has for a word one letter off it to be a misspelling of
/// it rather than another word ("Nigel" is no slip of "Niger").
const MISSPELLING_MIN_CHARS: usize = 6;

/// The guess of a claim that takes the parties of the event told just before it, where
/// the article's other claims name others (see `Context::follow_named_parties`).
const EVENT_TOLD_BEFORE: &str = "parties of the event told just before it";

/// How many sentences before a claim whose parties the article guessed the event it
/// takes them from may be told, when its other claims name different parties.
const PARTIES_TOLD_WITHIN_SENTENCES: usize = 2;

/// How many days apart the days an article states for claims of one key may lie for them
/// to be one event's, which the first of them dates (see `Context::follow_reported`).
pub(super) const ONE_EVENT_SPAN_DAYS: i64 = 3;

/// A date one claim takes from another of its event: the date, what it rests on (the
/// other's guesses, and a guess of its own), and a note saying whose it is.
#[derive(Clone)]
struct Borrowed {
    when: Option<When>,
    guesses: Vec<Arc<str>>,
    note: Arc<str>,
}

impl Borrowed {
    /// Dates `draft` so.
    fn give(self, draft: &mut Draft) {
        draft.claim.when = self.when;
        draft.claim.add_notes([self.note]);
        for guess in self.guesses {
            draft.claim.confidence = draft.claim.confidence.with(guess);
        }
    }
}

/// The most days a day named without its year may lie after the article's yearless day
/// and still be read as after it, not as a year before.
const YEARLESS_AHEAD_DAYS: i64 = 31;

/// Why a plan put off or called off that only its article dates is undated.
const CALLED_OFF_DATE: &str = "a plan called off or put off: the article's days are not its own";

/// The note of an ordinal that counts the events of a period named right after it.
const IN_PERIOD: &str = "counts the events of the period named after it, not all of them";

/// The guess of a claim dated by its event's last day, of a length the text does not give.
const DAY_ENDS: &str = "dated by the last day of its event, whose length is untold";
/// The guess in a day named from "today" in a quotation: the speaker's day may be before
/// the article's.
const STATEMENT_DAY: &str =
    "a day counted from a quotation's today, which may be before the article's";
/// The guess in a first day counted back from the last by the event's length ("ended his
/// two-day visit on Friday"): news rounds lengths.
const DAY_BY_LENGTH: &str = "its first day counted back by a length news may round";

/// The guess of a claim dated by the first of the days the article states for its key.
const FIRST_OF_DAYS: &str = "dated by the first of the days the article states for it";

/// The guess of a claim dated only by its article, taken as of the plan the article
/// announces with no date (see `Context::follow_undated_plan`).
const OF_UNDATED_PLAN: &str = "dated by nothing but the article, taken as of the plan it announces";

/// The guess of a claim of an article with no date, dated by the one full day or month
/// the article states for its key (see `Context::follow_stated_undated`).
const OF_STATED_DAY: &str = "dated by nothing but the article, taken as of the day it states";

/// The guess of a plan dated by a day named from the article's, in an article with no
/// date, which takes the one full day the article states for the plan (see
/// `Context::follow_stated_undated`).
const NAMED_OF_STATED_PLAN: &str =
    "a day named from the article's, which has no date, taken as the day it states for the plan";

/// The guess of a reported claim dated by a weekday, in an article with no date, which
/// takes the one full day the article states for its event, a day of that weekday (see
/// `Context::follow_stated_undated`).
const WEEKDAY_OF_STATED_DAY: &str = "a weekday named from the article's, which has no date, taken as the day it states for the event";

/// The guess of a claim dated by a day named from the article's, which takes the day its
/// sentence states for its event instead (see `Context::follow_stated_day`).
const STATED_OVER_NAMED: &str =
    "a day named from the article's, beside the day the sentence states for the event";

/// The guess of a plan with no date, in an article with none, taken as the event the
/// article says happened (see `Context::settle_plans`).
const PLAN_OF_REPORTED: &str = "a plan with no date, taken as the event the article reports";

/// How many days from the article's date a reported day may lie for the plans of its
/// event to be settled by it (see `Context::settle_plans`).
const SETTLE_REACH_DAYS: i64 = 14;

/// The guess of a claim whose word referring back named no one, or the visitor's own
/// country: the party is whom the article's other claims of the event name.
const REFERRED_FROM_ARTICLE: &str =
    "a word that refers back, taken as whom the article's other claims of the event name";

/// The guess of a report of the body with no date of its own, dated by the article's
/// other reports of its key (see `Context::follow_undated`).
const OTHER_REPORT_DATE: &str = "date taken from the article's other reports of the event";

/// The guess of a figure its sentence gives beside another of its key ("Chad considers the
/// border as 1,210 km long, whereas Niger measures it as 1,240 km"): a dispute the article
/// reports (see `Context::mark_disputed`).
const DISPUTED: &str = "one of figures for it that differ in its sentence";

/// The guess of a day written with a weekday but not its year, far from the article's date,
/// whose weekday does not fit the year read from that date (see
/// `Context::weekday_against_far_year`).
const FAR_YEAR_WEEKDAY: &str =
    "a weekday that does not fit the year taken from the article date, far from this day";

/// How many days from the article's date a day written without its year may lie for the
/// year taken from that date to be sure (see `Context::weekday_against_far_year`).
const SURE_YEAR_REACH_DAYS: i64 = 60;

/// How many days before or after a day stated in full an article with no date may have
/// been written for a weekday it names to be that day (see `Context::may_name`).
const NAMED_DAY_REACH_DAYS: i64 = 14;

/// Most matches one extractor may make in one article; past it the extractor stops there
/// and the article says so, so a runaway pattern cannot exhaust memory.
pub const MAX_MATCHES: usize = 10_000;

/// Drops a draft when another with the same key and value type overlaps it and is longer
/// (or as long and from an earlier extractor), and a mention inside another claim of its
/// key, which says more of the same words ("a two-day visit by Lobo to Chad"). A draft
/// that waits on other articles to show its party away from home and one that stands on
/// its own never drop each other ("met Mba after his arrival in Niamey on Thursday" is an
/// arrival whether or not the one who met is known to be from elsewhere).
fn keep_longest(mut drafts: Vec<Draft>) -> Vec<Draft> {
    drafts.sort_by_key(|d| (d.span.start, d.order, d.span.end));
    let pending = |d: &Draft| d.claim.away.as_ref().is_some_and(|a| !a.guessed);
    let beats = |a: &Draft, b: &Draft| {
        let (la, lb) = (a.span.len(), b.span.len());
        la > lb || (la == lb && a.order < b.order)
    };
    let within = |inner: &Draft, outer: &Draft| {
        outer.span.start <= inner.span.start && inner.span.end <= outer.span.end
    };
    let mention = |d: &Draft| matches!(d.claim.value, Value::Mention);
    let mut keep = vec![true; drafts.len()];
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            if drafts[j].span.start >= drafts[i].span.end {
                break;
            }
            let (a, b) = (&drafts[i], &drafts[j]);
            if a.claim.key != b.claim.key {
                continue;
            }
            if pending(a) != pending(b) {
                // Both stand: the pending one waits apart (see `claims`).
                continue;
            }
            if a.claim.value.type_name() == b.claim.value.type_name() {
                if beats(a, b) {
                    keep[j] = false;
                } else {
                    keep[i] = false;
                }
            } else if mention(b) && within(b, a) && !pending(a) {
                keep[j] = false;
            } else if mention(a) && within(a, b) && !pending(b) {
                keep[i] = false;
            }
        }
    }
    drafts
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

/// Gives a draft with no ordinal the ordinal of a draft of its key that overlaps it: the
/// same words tell one event ("made his first visit to Chad on 10 January" is a visit
/// and the first), and a claim one that says more of the same words keeps out.
fn share_ranks(drafts: &mut [Draft]) {
    drafts.sort_by_key(|d| (d.span.start, d.order, d.span.end));
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            if drafts[j].span.start >= drafts[i].span.end {
                break;
            }
            if drafts[i].claim.key != drafts[j].claim.key {
                continue;
            }
            match (drafts[i].rank, drafts[j].rank) {
                (Some(rank), None) => drafts[j].rank = Some(rank),
                (None, Some(rank)) => drafts[i].rank = Some(rank),
                _ => {}
            }
        }
    }
}

impl Context<'_> {
    /// Every claim the rules find, sorted by offset. Overlapping claims with the same key
    /// and value type are one claim: the longest match is kept. A claim the match does not
    /// date takes the nearest date in its sentence that is no other claim's value.
    fn claims(&self, found: Found) -> (Vec<Claim>, Vec<String>) {
        let mut drafts = found.drafts;
        share_ranks(&mut drafts);
        let mut drafts = keep_longest(drafts);
        self.follow_named_parties(&mut drafts);
        // A trip home that no other claim of its event makes a visit is none.
        drafts.retain(|d| !d.article_guess.as_ref().is_some_and(|g| g.home_trip));
        // A key a guess took may be an overlapping draft's.
        let mut drafts = keep_longest(drafts);
        // An event the article reports (a match that says it happened, or a reported
        // claim with its own date) is not days away.
        let reported: rustc_hash::FxHashSet<Arc<str>> = drafts
            .iter()
            .filter(|d| self.reports_its_day(d))
            .map(|d| d.claim.key.clone())
            .collect();
        for draft in &mut drafts {
            if reported.contains(&draft.claim.key) {
                draft.dated_by_article_ahead = None;
            }
        }
        // Dates that are the value of a claim about its parties (an enumeration of earlier
        // visits) date nothing else; a date claimed of itself, with no party (a weekday
        // checked against its date), still dates what its sentence tells.
        let has_parties = |d: &Draft| {
            self.rules.extractors[d.order]
                .key
                .iter()
                .any(|part| matches!(part, KeyPart::Slot(_)))
        };
        let spans = Taken::new(
            drafts
                .iter()
                .filter(|d| matches!(d.claim.value, Value::Date(_) | Value::Dates(_)))
                .filter(|d| has_parties(d))
                .map(|d| d.span.clone())
                .collect(),
        );
        // A date nearer another event's claim (one with a date, and tied: a key with an
        // unknown part may be this one's) is that event's: "X's visit came after a visit
        // by Y to Chad on 24 January" leaves the date to Y's visit, and "her second visit;
        // her previous one was in 2011" the year to the earlier visit.
        let rivals: Vec<Rival> = drafts
            .iter()
            .filter(|d| {
                d.claim.when.is_some() || d.wants_sentence_date || d.dated_by_article.is_some()
            })
            .map(|d| Rival {
                key: d.claim.key.clone(),
                tied: !d.claim.is_untied(),
                earlier: d.earlier,
                sentence: d.sentence,
                span: d.span.clone(),
            })
            .collect();
        for draft in &mut drafts {
            if draft.claim.when.is_none()
                && let Some((when, guess)) = self.date_elsewhere(draft, &spans, &rivals)
            {
                draft.claim.when = Some(when);
                if let Some(guess) = guess {
                    draft.claim.confidence =
                        draft.claim.confidence.with(self.strings.intern(guess));
                }
            }
            match (draft.day_of_event, &mut draft.claim.when) {
                (Some(0), Some(when)) => {
                    *when = When::unresolved("the day of the event it names is no day of a year")
                }
                (Some(n), Some(when)) => {
                    self.first_day(when, n);
                    if n > 1 && draft.day_of_event_by_length {
                        let guess = self.strings.intern(DAY_BY_LENGTH);
                        draft.claim.confidence = draft.claim.confidence.with(guess);
                    }
                }
                _ => {}
            }
            if let (None, Some(n)) = (draft.day_of_event, draft.date_ends_event) {
                self.ended(draft, n);
            }
            if let Some(When::Unresolved { .. }) = draft.claim.when {
                let guess = self.strings.intern("date unresolved");
                draft.claim.confidence = draft.claim.confidence.with(guess);
            }
            if let Some(guess) = draft.claim.when.as_ref().and_then(dating::page_date_guess) {
                let guess = self.strings.intern(guess);
                draft.claim.confidence = draft.claim.confidence.with(guess);
            }
            if self.under_way_in_same_time(draft) {
                if let Some(When::Dated { date, how, .. }) = &mut draft.claim.when
                    && date.precision == Precision::Day
                {
                    let days = ONE_EVENT_SPAN_DAYS.unsigned_abs();
                    self.reach_back(date, how, days, dating::DURING_EVENT);
                }
                let guess = self.strings.intern(dating::DAY_DURING);
                draft.claim.confidence = draft.claim.confidence.with(guess);
            }
            if self.statement_day(&draft.claim) {
                let guess = self.strings.intern(STATEMENT_DAY);
                draft.claim.confidence = draft.claim.confidence.with(guess);
            }
            if self.weekday_against_far_year(&draft.claim) {
                let guess = self.strings.intern(FAR_YEAR_WEEKDAY);
                draft.claim.confidence = draft.claim.confidence.with(guess);
            }
        }
        self.news_on_its_day(&mut drafts);
        // A claim whose party other articles may yet show at home tells the others of the
        // article nothing (one whose guessed party they may show so stands meanwhile).
        let pending: Vec<Draft> = drafts
            .extract_if(.., |d| d.claim.away.as_ref().is_some_and(|a| !a.guessed))
            .collect();
        self.follow_stated_day(&mut drafts);
        self.plan_after_article(&mut drafts);
        self.follow_planned(&mut drafts);
        self.follow_reported(&mut drafts, |_| true);
        self.follow_stated_undated(&mut drafts);
        self.narrow_to_stated_day(&mut drafts);
        self.follow_undated(&mut drafts);
        self.mark_disputed(&mut drafts);
        self.fit_to_length(&mut drafts);
        self.settle_plans(&mut drafts);
        // A plan settled as carried out states a day that the key's reports dated to a
        // range of days ("is on a 2-day visit") may now take.
        self.follow_reported(
            &mut drafts,
            |d| matches!(&d.claim.when, Some(When::Dated { date, .. }) if date.start != date.end),
        );
        self.drop_legs(&mut drafts);
        // A claim of the key of one so spread that took its first day from the same words
        // ("Lobo's planned visit to Mali", after "will visit Chad and Mali from 3 to 5
        // May") takes the range too.
        let mut spread: Vec<(Arc<str>, u32, When)> = Vec::new();
        for draft in drafts.iter_mut() {
            if (draft.listed || self.part_of_whole(draft))
                && self.spread_over_range(draft)
                && let Some(when) = &draft.claim.when
                && let Some(span) = when.span()
            {
                spread.push((draft.claim.key.clone(), span.start, when.clone()));
            }
        }
        for draft in &mut drafts {
            let at = draft
                .claim
                .when
                .as_ref()
                .and_then(When::span)
                .map(|s| s.start);
            if let Some((_, _, when)) = spread
                .iter()
                .find(|(key, start, _)| *key == draft.claim.key && Some(*start) == at)
            {
                draft.claim.when = Some(when.clone());
            }
        }
        if !pending.is_empty() {
            drafts.extend(pending);
            drafts.sort_by_key(|d| (d.span.start, d.order, d.span.end));
        }
        // A fresh vector of the exact size: collecting in place would keep the larger
        // allocation of the drafts for as long as the claims live.
        let mut claims = Vec::with_capacity(drafts.len());
        claims.extend(drafts.into_iter().map(|d| {
            let mut claim = d.claim;
            claim.span = self.place(d.span);
            if let Some(span) = &mut claim.value_span {
                *span = self.place(span.range());
            }
            if let Some(
                When::Dated {
                    span: Some(span), ..
                }
                | When::Unresolved {
                    span: Some(span), ..
                },
            ) = &mut claim.when
            {
                *span = self.place(span.range());
            }
            claim
        }));
        (claims, found.capped)
    }

    /// The first use of each spelling alternative of each entity, for the spelling groups
    /// the article writes more than one way: the only ones with something to check, as an
    /// article is held to its own spelling alone.
    fn spellings(&self) -> Vec<SpellingUse> {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut out = Vec::new();
        for (m, entity) in self.mentions.iter().zip(&self.resolved) {
            let Some(entity) = *entity else { continue };
            let Some(surface) = m.candidates.iter().find(|s| s.entity == entity) else {
                continue;
            };
            // A form of no spelling group has nothing to record; words quoted keep their
            // source's spelling, and so does the name of an institution a name opens
            // ("Cameroon Tribune", in an article that writes "Cameroun").
            if surface.spelling.is_empty()
                || self.quoted_in_paragraph(m.range.start)
                || self.opens_institution(m.range.end)
            {
                continue;
            }
            let e = self.entities.get(entity);
            for &(group, alt) in &surface.spelling {
                if seen.insert((entity, group, alt)) {
                    let use_ = SpellingUse {
                        entity: e.id.clone(),
                        name: e.name.clone(),
                        group,
                        form: e.spellings[group][alt].clone(),
                        span: self.place(m.range.clone()),
                    };
                    out.push((entity, use_));
                }
            }
        }
        // How many alternatives of each (entity, group) the article uses.
        let mut ways: HashMap<(usize, usize), usize> = HashMap::default();
        for &(entity, group, _) in &seen {
            *ways.entry((entity, group)).or_default() += 1;
        }
        // Into a vector of its own size: most articles keep none, and collecting in place
        // would keep the whole buffer alive for as long as the record.
        let mixed = |(entity, u): &(usize, SpellingUse)| ways[&(*entity, u.group)] > 1;
        let misspelt = self.misspellings();
        let mut kept = Vec::with_capacity(out.iter().filter(|u| mixed(u)).count() + misspelt.len());
        kept.extend(out.into_iter().filter(mixed).map(|(_, u)| u));
        kept.extend(misspelt);
        kept
    }

    /// Whether the word right after offset `end` (a name's end) is a capitalized word of
    /// `institution` ("Tribune", "Airlines"), which makes the name and it an institution's.
    fn opens_institution(&self, end: usize) -> bool {
        let Some(institution) = self
            .rules
            .people
            .as_ref()
            .and_then(|p| p.institution.as_ref())
        else {
            return false;
        };
        let rest = &self.body[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        (gap > 0)
            .then(|| rest[gap..].split(|c: char| !c.is_alphanumeric()).next())
            .flatten()
            .is_some_and(|word| word.starts_with(char::is_uppercase) && institution.is_match(word))
    }

    /// Capitalized words one letter off a one-word name of six letters or more that the
    /// article writes ("Tehan" beside "Tehran"), the slip inside the word: the name's
    /// first use and each word's, as spellings of an [`UNDECLARED`] group. A word that
    /// begins or ends with the whole name ("Lobian" beside "Lobia") or ends otherwise
    /// ("Sharia" beside "Sharif") is another word, and so is a name of another entity.
    fn misspellings(&self) -> Vec<SpellingUse> {
        // The one-word names the article writes, long enough for one letter to be a slip,
        // with their entity and first use: not in an institution's name ("Cameroon
        // Tribune", beside the French "Cameroun").
        let mut names: Vec<(&str, usize, Range<usize>)> = Vec::new();
        for (m, entity) in self.mentions.iter().zip(&self.resolved) {
            let (Some(entity), text) = (*entity, &self.body[m.range.clone()]) else {
                continue;
            };
            if entity < self.rules.gazetteer.entities().len()
                && text.chars().count() >= MISSPELLING_MIN_CHARS
                && text.chars().all(char::is_alphabetic)
                && !self.opens_institution(m.range.end)
                && !names.iter().any(|(n, _, _)| *n == text)
            {
                names.push((text, entity, m.range.clone()));
            }
        }
        let mut out = Vec::new();
        if names.is_empty() {
            return out;
        }
        let mut reported: Vec<&str> = Vec::new();
        let mut reported_names: Vec<&str> = Vec::new();
        for range in capitalized_words(self.body) {
            let word = &self.body[range.clone()];
            if word.chars().count() < MISSPELLING_MIN_CHARS - 1 || reported.contains(&word) {
                continue;
            }
            // A slip inside the word: an ending that differs is another word ("Sharia"
            // beside "Sharif"), and so is a word that differs only in an accent ("Colômbia"
            // beside "Colombia"): another language's spelling.
            let slip = names.iter().find(|(name, _, _)| {
                name.len().abs_diff(word.len()) <= 2
                    && name.chars().next() == word.chars().next()
                    && name.chars().next_back() == word.chars().next_back()
                    && !name.starts_with(word)
                    && !word.starts_with(name)
                    && strsim::damerau_levenshtein(name, word) == 1
                    && deunicode::deunicode(name) != deunicode::deunicode(word)
            });
            let Some((name, entity, first)) = slip else {
                continue;
            };
            let taken = self.mentions.iter().any(|m| overlaps(&m.range, &range));
            // A quoted word may be another language's form of the name, or the source's
            // spelling.
            let quoted = self.quoted_in_paragraph(range.start);
            let e = self.entities.get(*entity);
            // A slip of a place's name inside a longer name is a word of that name ("East
            // Azarbaijan", a province, beside "Azerbaijan"); a person's name stands after
            // titles.
            let is_person = self.rules.people.as_ref().is_some_and(|p| p.kind == e.kind);
            if taken
                || quoted
                || !self.rules.gazetteer.lookup(word).is_empty()
                || !is_person && self.inside_longer_name(range.clone())
            {
                continue;
            }
            // The name's first use once, however many slips of it.
            let name_use = (!reported_names.contains(name)).then(|| (*name, first.clone()));
            reported.push(word);
            reported_names.push(name);
            for (form, span) in name_use.into_iter().chain([(word, range)]) {
                out.push(SpellingUse {
                    entity: e.id.clone(),
                    name: e.name.clone(),
                    group: UNDECLARED,
                    form: self.strings.intern(form),
                    span: self.place(span),
                });
            }
        }
        out
    }

    /// Whether the word at `range` stands beside another capitalized word of its sentence,
    /// as one word of a longer name: the word before it, unless it opens the sentence, or
    /// the word after it.
    fn inside_longer_name(&self, range: Range<usize>) -> bool {
        let Some(sentence) = sentence_at(&self.sentences, range.start).map(|i| &self.sentences[i])
        else {
            return false;
        };
        let before = self.body[sentence.start..range.start].trim_start();
        let previous = before.strip_suffix(' ').and_then(|b| {
            let word = b.rsplit(' ').next()?;
            (word.len() < b.len()).then_some(word)
        });
        let after = &self.body[range.end..sentence.end];
        let next = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
        [previous, next]
            .into_iter()
            .flatten()
            .any(|w| w.starts_with(char::is_uppercase))
    }

    /// The quotation of its sentence that holds byte `at`, if any (see
    /// [`quotation_around`]).
    fn quotation_at(&self, at: usize) -> Option<Range<usize>> {
        let sentence = &self.sentences[sentence_at(&self.sentences, at)?];
        let q = quotation_around(&self.body[sentence.clone()], at - sentence.start)?;
        Some(sentence.start + q.start..sentence.start + q.end)
    }

    /// The words of `range` in the clause of sentence `sentence` where `range` ends; all of
    /// `range` when it is in no sentence.
    fn last_clause_of(&self, sentence: Option<usize>, range: Range<usize>) -> Range<usize> {
        sentence
            .and_then(|s| {
                self.clauses(s)
                    .iter()
                    .find(|c| c.range.contains(&(range.end - 1)))
                    .map(|c| c.range.start.max(range.start)..range.end)
            })
            .unwrap_or(range)
    }

    /// Whether byte `at` stands inside a quotation of its paragraph (a quotation may run
    /// over several sentences).
    fn quoted_in_paragraph(&self, at: usize) -> bool {
        let start = self.body[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = self.body[at..]
            .find('\n')
            .map_or(self.body.len(), |i| at + i);
        quotation_around(&self.body[start..end], at - start).is_some()
    }

    /// A range of the body as a span of the file, with its position.
    fn place(&self, range: Range<usize>) -> Span {
        let start = self.article.body_start + range.start;
        let end = self.article.body_start + range.end;
        Span::new(
            start..end,
            self.index.position(&self.article.text, start),
            self.index.position(&self.article.text, end),
        )
    }

    fn draft(&self, x: &Extractor, order: usize, caps: &Captures) -> Option<Draft> {
        let whole = caps.get_match()?;
        if whole.is_empty() {
            return None;
        }
        if let Some(re) = &x.not_followed_by
            && re.is_match(&self.masked[whole.end()..])
        {
            return None;
        }
        if let Some(re) = &x.followed_by
            && !re.is_match(&self.masked[whole.end()..])
        {
            return None;
        }
        let sentence = sentence_at(&self.sentences, whole.start());
        // "This is not his first visit": words that deny the claim's own.
        let opening = sentence.map_or(0, |s| self.sentences[s].start);
        if let Some(re) = &self.rules.denied
            && re.is_match(&self.body[opening.min(whole.start())..whole.start()])
        {
            return None;
        }
        // "Her visit has not been scheduled": words that deny the event after the claim's.
        let closing = sentence.map_or(self.body.len(), |s| self.sentences[s].end);
        if let Some(re) = &self.rules.denied_after
            && re.is_match(&self.body[whole.end()..closing.max(whole.end())])
        {
            return None;
        }
        // A claim that ignores its clause's modality still takes its dates the way the
        // clause tells them: "will end her visit on Friday" is the coming Friday.
        let told = self.modality(sentence, whole.range());
        let direction = match told {
            Modality::Planned { .. } => Direction::Future,
            Modality::Reported if self.during_plan(sentence, &whole.range()) => Direction::Future,
            Modality::Reported => Direction::Past,
        };
        let mut notes = Vec::new();
        let mut guesses = Vec::new();
        let mut unlike = None;
        let mut slots: HashMap<&str, String> = HashMap::default();
        // Where the match names each entity slot it fills.
        let mut named_at: HashMap<&str, Range<usize>> = HashMap::default();
        let mut names_part = false;
        // The slots the match fills by a word that refers back ("his", "the minister").
        let mut referred: Vec<&str> = Vec::new();
        for (name, capture) in &x.captures {
            let Some(group) = group(caps, capture) else {
                continue;
            };
            if let CaptureType::Entity { kind, list: false } = &capture.ty {
                named_at.insert(name, group.clone());
                names_part |= self.names_part(kind, &group);
                if !self.is_name(&group) {
                    referred.push(name.as_str());
                }
            }
            let filled = match &capture.ty {
                CaptureType::Entity { kind, list: false } => {
                    self.entity(kind, group.clone(), &mut notes, &mut guesses)
                }
                CaptureType::Entity { kind, list: true } => {
                    let list = self.entity_list(kind, group.clone());
                    // A list shorter than the slot's inference takes ("Mba of Niger signed"
                    // names one of the two parties) is the inference's to fill, when the
                    // sentence names enough of the kind.
                    let wanted = x.infer.get(name.as_str()).map_or(0, |how| how.count);
                    let short = list.as_ref().map_or(0, |ids| ids.split('+').count()) < wanted;
                    if short && self.kinds_in(kind, sentence) >= wanted {
                        continue;
                    }
                    list
                }
                CaptureType::Text => Some(slug(&self.body[group.clone()])),
                CaptureType::Value(_) => continue,
            };
            slots.insert(name, filled.unwrap_or_else(|| "?".to_string()));
        }
        // A slot that must differ from another's home is inferred after it.
        // The entity in the slot an inferred one must differ from, and its home if known.
        let unlike_of = |how: &crate::ruleset::Infer, slots: &HashMap<&str, String>| {
            let e = self.entities.index_of(slots.get(how.unlike.as_deref()?)?)?;
            Some((e, self.entities.get(e).home))
        };
        let mut inferred: Vec<(&String, &crate::ruleset::Infer)> = x.infer.iter().collect();
        inferred.sort_by_key(|(_, how)| how.unlike.is_some());
        // The slots filled by inference rather than by the match.
        let mut guessed: Vec<&str> = Vec::new();
        // Those the article filled, not their sentence; a word referring back to no one
        // ("his" in a headline that names no one) is whom the article's other claims of the
        // event name, if they all name one.
        let mut by_article: Vec<&str> = referred
            .iter()
            .copied()
            .filter(|s| slots.get(s).is_some_and(|v| v == "?"))
            .collect();
        for slot in &by_article {
            guesses.push(format!("{slot}: {REFERRED_FROM_ARTICLE}"));
        }
        // Whether a journey's word referring back named one at home in the other slot's
        // place.
        let mut home_trip = false;
        for (slot, how) in inferred {
            if slots.contains_key(slot.as_str()) {
                continue;
            }
            // The words that would have named it may be the ones cut off ("the Mongolian
            // President's visit", "a visit to" at the end of an excerpt; a subject, named
            // before the match, only right at its end); a line of its own that ends so is
            // as often a headline.
            let own_line = sentence.is_some_and(|s| {
                self.body[..self.sentences[s].start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n')
                    || self.sentences[s].start == 0
            });
            let cut = if how.scope == InferScope::Subject {
                self.cut_at(sentence, &whole.range())
            } else {
                self.cut_before_party(sentence, &whole.range())
            };
            if !own_line && cut {
                notes.push(format!("{slot}: {CUT_PARTY}"));
                slots.insert(slot, "?".to_string());
                continue;
            }
            // Whom it must differ from unknown, the article's guess may be their own home
            // ("Mba's visit" with Mba unknown, in an article on his country): only a name
            // in the sentence fills the slot.
            let unknown_other = how
                .unlike
                .as_deref()
                .filter(|other| slots.get(other).is_some_and(|v| v == "?"));
            let mut taken: Vec<String> = slots.values().cloned().collect();
            // Never the home of the entity of the slot it must differ from.
            if let Some((_, Some(home))) = unlike_of(how, &slots) {
                taken.push(self.entities.get(home).id.to_string());
            }
            let taken: Vec<&String> = taken.iter().collect();
            let mut found = match (how.scope, sentence) {
                // Not a name of another clause's event, nor one of a list ("a tour of
                // Mali, Niger and Togo").
                (InferScope::Sentence, Some(s)) => {
                    let scope = &self.sentences[s];
                    // The match names its own parties: a cue before a name holds of the
                    // names outside it ("along the 300 km border with Mali and the 500 km
                    // border with Niger": Niger is no party to the first).
                    let party = |m: &Range<usize>| {
                        overlaps(m, &whole.range())
                            || how.not_after.as_ref().is_none_or(|cue| {
                                !cue.is_match(&self.body[scope.start..m.start.max(scope.start)])
                            })
                    };
                    let keep = |m: &Range<usize>| {
                        !self.in_other_clause(s, &whole.range(), m, |c| c.closed)
                            && (how.count > 1 || !self.listed(&how.kind, m))
                            && party(m)
                    };
                    let found =
                        self.nearest_n(&how.kind, how.count, scope, &whole.range(), &taken, keep);
                    // Several taken from a sentence that names more, and not all of them by
                    // the match ("Chad: Niger 1,196 km, Libya 1,050 km"), are a guess.
                    if how.count > 1 && found.len() == how.count {
                        let named = |scope: &Range<usize>| {
                            self.nearest_n(
                                &how.kind,
                                usize::MAX,
                                scope,
                                &whole.range(),
                                &taken,
                                keep,
                            )
                            .len()
                        };
                        let in_sentence = named(scope);
                        if named(&whole.range()) < how.count && in_sentence > how.count {
                            guesses.push(format!(
                                "{slot}: the nearest {} of the {in_sentence} {}s its sentence names",
                                how.count, how.kind
                            ));
                        }
                    }
                    // Several the sentence does not name are those the sentence before it
                    // on its line names, when it names just so many ("… between Chad and
                    // Niger. The border is 1,000 km long."): a guess.
                    let named_before = s
                        .checked_sub(1)
                        .map(|p| self.sentences[p].clone())
                        .filter(|p| !self.body[p.end..scope.start].contains('\n'))
                        .filter(|_| found.is_empty() && how.count > 1)
                        .map(|before| {
                            let party = |m: &Range<usize>| {
                                how.not_after.as_ref().is_none_or(|cue| {
                                    !cue.is_match(&self.body[before.start..m.start])
                                })
                            };
                            self.nearest_n(
                                &how.kind,
                                usize::MAX,
                                &before,
                                &whole.range(),
                                &taken,
                                party,
                            )
                        })
                        .filter(|named| named.len() == how.count);
                    match named_before {
                        Some(named) => {
                            // Sure when they are the ones the article names most, too.
                            let (mut topic, clear) = self.topic(&how.kind, how.count, &taken, &[]);
                            let mut sorted = named.clone();
                            topic.sort_unstable();
                            sorted.sort_unstable();
                            if !clear || topic != sorted {
                                guesses.push(format!(
                                    "{slot}: the {} {}s the sentence before names",
                                    how.count, how.kind
                                ));
                            }
                            named
                        }
                        None => found,
                    }
                }
                // The nearest name before the match that is no object ("with Ivo Mba");
                // with none, the article's.
                (InferScope::Subject, Some(s)) => {
                    let before = self.sentences[s].start..whole.start();
                    let by_pronoun = self
                        .subject_by_pronoun(&how.kind, &before)
                        .filter(|e| !taken.iter().any(|t| **t == *self.entities.get(*e).id));
                    let named_before = match by_pronoun {
                        Some(e) if how.count == 1 => vec![e],
                        _ => self.nearest_n(
                            &how.kind,
                            how.count,
                            &before,
                            &whole.range(),
                            &taken,
                            // One met who opens a clause of their own ("her counterpart
                            // Ivo Mba, who was on a visit") is that clause's subject, even
                            // within a clause set aside when the claim is in the clause
                            // they open ("which follows the invitation of Mba, who paid a
                            // visit"). One who reports is the subject too ("Lobo said on
                            // Monday during a visit to Chad"), not one of a clause set
                            // aside.
                            |m| {
                                let opens = self.opens_clause(m.end);
                                let opens_the_claims = opens
                                    && self
                                        .clauses(s)
                                        .iter()
                                        .find(|c| c.range.start >= m.end)
                                        .is_some_and(|c| c.range.contains(&whole.start()));
                                opens_the_claims
                                    || (opens || !self.is_object(&before, m.start))
                                        && !self.in_other_clause(s, &whole.range(), m, |c| {
                                            c.subordinate
                                        })
                                        && !self.speaks_of_another(m.end, whole.start())
                            },
                        ),
                    };
                    // None before: the subject the opening phrase leads into ("During the
                    // visit, Ivo Mba met").
                    if named_before.is_empty() && how.count == 1 {
                        let scope = &self.sentences[s];
                        self.subject_led_into(&how.kind, scope, whole.end())
                            .into_iter()
                            .collect()
                    } else {
                        named_before
                    }
                }
                (InferScope::Dateline, _) => match self.written_in(&how.kind, &taken) {
                    Some(here) => vec![here],
                    // Written where the other party is at home ("arrived here", by one of
                    // the dateline's country): no claim, nor one of another place.
                    None if unlike_of(how, &slots).is_some_and(|(_, home)| {
                        home.is_some() && self.written_in(&how.kind, &[]) == home
                    }) =>
                    {
                        return None;
                    }
                    None => Vec::new(),
                },
                _ => Vec::new(),
            };
            // A name in the sentence two people share says neither: the article's topic is
            // no better a guess.
            let scope = match (how.scope, sentence) {
                (InferScope::Sentence, Some(s)) => Some(self.sentences[s].clone()),
                (InferScope::Subject, Some(s)) => Some(self.sentences[s].start..whole.start()),
                _ => None,
            };
            if found.is_empty()
                && let Some(note) = scope.and_then(|scope| self.ambiguous_in(&how.kind, &scope))
            {
                notes.push(format!("{slot}: {note}"));
                slots.insert(slot, "?".to_string());
                continue;
            }
            let from_sentence = !found.is_empty();
            if found.len() < how.count && unknown_other.is_none() {
                let (mut topic, clear) =
                    self.topic(&how.kind, how.count - found.len(), &taken, &found);
                // The article's topic named in this sentence as the one met ("with his
                // counterpart Ivo Mba") is not who travelled.
                if let (InferScope::Subject, Some(s)) = (how.scope, sentence) {
                    let (met, kept) = topic
                        .into_iter()
                        .partition(|&e| self.named_as_object(&how.kind, &self.sentences[s], e));
                    topic = kept;
                    if let [e, ..] = met[..] {
                        notes.push(format!(
                            "{slot}: not {}, whom the sentence has met",
                            self.entities.get(e).name
                        ));
                        slots.insert(slot, "?".to_string());
                        continue;
                    }
                    // Nor is one at home where the sentence's subject, described as of
                    // another place, comes ("The Nigerien statesman arrived in the Chadian
                    // capital", in an article on Chad's president).
                    let elsewhere = topic.iter().copied().find_map(|e| {
                        let home = self.entities.get(e).home?;
                        let described = self.subject_from_elsewhere(&self.sentences[s], home)?;
                        Some((e, described))
                    });
                    if let Some((e, described)) = elsewhere {
                        notes.push(format!(
                            "{slot}: not {}, for the sentence's subject is described as of {}",
                            self.entities.get(e).name,
                            self.entities.get(described).name
                        ));
                        slots.insert(slot, "?".to_string());
                        continue;
                    }
                }
                // Named no more often than another, it is one guess among several.
                if !topic.is_empty() && !clear {
                    guesses.push(format!(
                        "{slot} inferred from the article, which names another {} as often",
                        how.kind
                    ));
                }
                found.extend(topic);
            }
            // An article that names none was written where its dateline says.
            if found.is_empty()
                && unknown_other.is_none()
                && let Some(e) = self.written_in(&how.kind, &taken)
            {
                found.push(e);
                guesses.push(format!(
                    "{slot} taken from the dateline: the article names no other {}",
                    how.kind
                ));
            }
            if !from_sentence && !found.is_empty() {
                by_article.push(slot);
            }
            // Whoever holds an office the sentence describes is who the article names so.
            if let Some(s) = sentence {
                for e in &mut found {
                    *e = self.holder_described_in(*e, &self.sentences[s], &mut notes, &mut guesses);
                }
            }
            let value = if found.is_empty() {
                notes.push(match unknown_other {
                    Some(other) => format!(
                        "{slot}: no {} in the sentence, and the {other} unknown",
                        how.kind
                    ),
                    None => format!("{slot}: no {} in the article", how.kind),
                });
                "?".to_string()
            } else if found.len() < how.count {
                // "Niger guards its 1,000 km border": one of the two is no key.
                let e = self.entities.get(found[0]);
                notes.push(format!(
                    "{slot}: only {} in the article, of {} wanted",
                    e.name, how.count
                ));
                "?".to_string()
            } else {
                // The other party's home unsaid here, other articles may say it: the next
                // candidate goes with the claim.
                if let (Some((other, None)), [only]) = (unlike_of(how, &slots), found.as_slice()) {
                    let first = self.entities.get(*only).id.to_string();
                    let mut passed = taken.clone();
                    passed.push(&first);
                    let next = match sentence {
                        Some(s) => self.nearest_n(
                            &how.kind,
                            1,
                            &self.sentences[s],
                            &whole.range(),
                            &passed,
                            |_| true,
                        ),
                        None => Vec::new(),
                    };
                    let next = next
                        .first()
                        .copied()
                        .or_else(|| self.topic(&how.kind, 1, &taken, &found).0.first().copied());
                    unlike = Some(Box::new(Unlike {
                        inferred: self.strings.intern(&self.entities.get(*only).id),
                        of: self.strings.intern(&self.entities.get(other).id),
                        instead: next.map(|e| self.strings.intern(&self.entities.get(e).id)),
                    }));
                }
                let names: Vec<&str> = found.iter().map(|&e| &*self.entities.get(e).name).collect();
                notes.push(format!("{slot} inferred: {}", names.join(" and ")));
                let mut ids: Vec<&str> = found.iter().map(|&e| &*self.entities.get(e).id).collect();
                ids.sort_unstable();
                ids.join("+")
            };
            if value != "?" {
                guessed.push(slot);
            }
            slots.insert(slot, value);
        }
        // A slot the match filled with the home of the entity it must differ from ("his
        // visit to Chad" read as a Chadian's) shows a misread. A description the match
        // filled it with ("the country") refers back past that home, whether the other
        // slot was named or inferred. A name stands: the slot is unknown, or the other is,
        // when inference or a word referring back filled the other ("the one-day visit to
        // Lyon" is no visit of the article's French president; "he visited Chad" is no
        // Chadian's).
        for (slot, how) in &x.infer {
            if let Some((other, Some(home_index))) = unlike_of(how, &slots)
                && let home = self.entities.get(home_index)
                && slots.get(slot.as_str()).is_some_and(|id| **id == *home.id)
                && let Some(unlike) = how.unlike.as_deref()
            {
                let described = named_at
                    .get(slot.as_str())
                    .map(|at| (at, self.description_other_than(&how.kind, at, home_index)));
                if let Some((at, Some((e, how)))) = described {
                    let (e, text) = (self.entities.get(e), fold_space(&self.body[at.clone()]));
                    let misread = format!("\"{text}\" is {},", home.name);
                    notes.retain(|n| !n.starts_with(&misread));
                    notes.push(format!(
                        "\"{text}\" is {}, {how} (not {}, home to the {unlike})",
                        e.name, home.name
                    ));
                    slots.insert(slot, e.id.to_string());
                } else if (guessed.contains(&unlike)
                    || referred.contains(&unlike) && !referred.contains(&slot.as_str()))
                    && !guessed.contains(&slot.as_str())
                {
                    notes.push(format!(
                        "{unlike}: not {}, at home in {}",
                        self.entities.get(other).name,
                        home.name
                    ));
                    // A word that refers back stands for the one other the sentence names.
                    let kind = match x.captures.get(unlike).map(|c| &c.ty) {
                        Some(CaptureType::Entity { kind, .. }) => Some(kind),
                        _ => None,
                    };
                    let instead = kind
                        .filter(|_| referred.contains(&unlike))
                        .zip(sentence)
                        .zip(named_at.get(unlike))
                        .and_then(|((kind, s), at)| {
                            self.sole_other(kind, s, at, other, home_index)
                        });
                    let value = match instead {
                        Some(e) => {
                            let e = self.entities.get(e);
                            notes.push(format!(
                                "{unlike}: {}, the other the sentence names",
                                e.name
                            ));
                            e.id.to_string()
                        }
                        None => {
                            // Else a word referring back stands for whom the article's
                            // other claims of the event name, if they all name one ("her
                            // first visit to Niger" after the Nigerien minister who
                            // welcomed her).
                            if referred.contains(&unlike) {
                                by_article.push(unlike);
                                home_trip = x.journey;
                            }
                            "?".to_string()
                        }
                    };
                    slots.insert(unlike, value);
                } else if [slot.as_str(), unlike]
                    .iter()
                    .all(|s| !guessed.contains(s) && !referred.contains(s))
                {
                    // Both named: one going home ("Ana Lobo arrived in N'Djamena").
                    return None;
                } else {
                    notes.push(format!("{slot}: {} is home to the {unlike}", home.name));
                    slots.insert(slot, "?".to_string());
                    // A word referring back ("her visit to the country") stands for whom
                    // the article's other claims of the event name, if they all name one.
                    if referred.contains(&slot.as_str()) {
                        by_article.push(slot);
                        guesses.push(format!("{slot}: {REFERRED_FROM_ARTICLE}"));
                    }
                }
            }
        }
        // One known to be away from home, or no claim; one whose home the article does not
        // say, pending what other articles say (see `crate::link`).
        let mut pending_away = None;
        if let Some(away) = &x.away {
            let party = slots.get(away.as_str()).filter(|id| id.as_str() != "?")?;
            let home = self
                .entities
                .index_of(party)
                .and_then(|e| self.entities.get(e).home)
                .map(|h| &*self.entities.get(h).id);
            match home {
                Some(h) if slots.values().any(|id| id == h) => return None,
                Some(_) => {}
                None => {
                    pending_away = Some(Box::new(Away {
                        of: self.strings.intern(party),
                        guessed: false,
                    }))
                }
            }
        }
        // A party the match names that must differ from the home of one a word referring
        // back gave, whose home the article does not say ("On his visit to Chad, …", "his"
        // read as one named before): other articles may say that one is at home there.
        if pending_away.is_none() {
            let guess = x.infer.iter().find_map(|(slot, how)| {
                let other = how.unlike.as_deref()?;
                let named = !guessed.contains(&slot.as_str())
                    && slots.get(slot.as_str()).is_some_and(|id| id != "?");
                let party = slots.get(other).filter(|id| id.as_str() != "?")?;
                let unsaid = self
                    .entities
                    .index_of(party)
                    .is_some_and(|e| self.entities.get(e).home.is_none());
                (named && unsaid && referred.contains(&other)).then_some(party)
            });
            pending_away = guess.map(|party| {
                Box::new(Away {
                    of: self.strings.intern(party),
                    guessed: true,
                })
            });
        }
        let mut unknown: Vec<&str> = slots
            .iter()
            .filter(|(_, id)| id.as_str() == "?")
            .map(|(slot, _)| *slot)
            .collect();
        unknown.sort_unstable();
        guesses.extend(unknown.iter().map(|slot| format!("{slot} unknown")));
        let key: String = x
            .key
            .iter()
            .map(|part| match part {
                KeyPart::Literal(text) => text.as_str(),
                KeyPart::Slot(slot) => slots.get(slot.as_str()).map_or("?", String::as_str),
            })
            .collect();
        // Only the known parts of a key can tell which other claims name its guessed ones.
        let known = x.key.iter().all(|part| match part {
            KeyPart::Slot(s) => {
                by_article.contains(&s.as_str()) || slots.get(s.as_str()).is_some_and(|v| v != "?")
            }
            KeyPart::Literal(_) => true,
        });
        let article_guess = (known && !by_article.is_empty()).then(|| {
            Box::new(ArticleGuess {
                parts: x
                    .key
                    .iter()
                    .map(|part| match part {
                        KeyPart::Literal(text) => GuessPart::Known(text.clone()),
                        KeyPart::Slot(s) if by_article.contains(&s.as_str()) => {
                            GuessPart::Guessed(s.clone())
                        }
                        KeyPart::Slot(s) => GuessPart::Known(
                            slots
                                .get(s.as_str())
                                .map_or("?", String::as_str)
                                .to_string(),
                        ),
                    })
                    .collect(),
                home_trip,
            })
        });
        let value_group = x
            .value
            .as_ref()
            .and_then(|name| group(caps, &x.captures[name]));
        let value = match (&x.value, &value_group) {
            (Some(name), Some(g)) => self.value(
                &x.captures[name].ty,
                g.clone(),
                direction,
                &mut notes,
                &mut guesses,
            )?,
            _ => Value::Mention,
        };
        // A list in a sentence the page cuts off (an excerpt) may have lost its end, and a
        // value the cut ends on its last digits or words ("in July 20" of "July 2018").
        let value = match (value, &value_group) {
            (Value::Dates(_), Some(g)) if self.cut_off(sentence) => {
                Value::Unresolved(Box::new(Unresolved {
                    expected: "dates".into(),
                    text: fold_space(&self.body[g.clone()]).into_owned(),
                    reason: "the article ends in this sentence without a full stop: the list may be cut off".into(),
                }))
            }
            (value, Some(g)) if self.cut_at(sentence, g) => {
                Value::Unresolved(Box::new(Unresolved {
                    expected: value.type_name().into(),
                    text: fold_space(&self.body[g.clone()]).into_owned(),
                    reason: CUT_VALUE.into(),
                }))
            }
            (value, _) => value,
        };
        if x.ordinal_in_period && matches!(value, Value::Ordinal(_)) {
            notes.push(IN_PERIOD.to_string());
        }
        let value_span = value_group.map(body_span);
        // Which day of the event its date is, by an ordinal ("the second day") or by the
        // last of a length ("at the end of her two-day visit").
        let day_of_event = x
            .day_of_event
            .as_ref()
            .and_then(|name| group(caps, &x.captures[name]))
            .map(|g| {
                let text = &self.body[g];
                match ordinal::parse_ordinal(text) {
                    Some(n) => (Some(n), false),
                    None => (
                        duration::parse_duration(text)
                            .filter(|d| d.days.fract() == 0.0)
                            .and_then(|d| u32::try_from(d.days as u64).ok()),
                        true,
                    ),
                }
            });
        let day_of_event_by_length = day_of_event.is_some_and(|(_, by_length)| by_length);
        // A day beyond a year's (or none at all) dates nothing: 0.
        let day_of_event =
            day_of_event.map(|(n, _)| n.filter(|n| (1..=366).contains(n)).unwrap_or(0));
        let when = x
            .date
            .as_ref()
            .and_then(|name| group(caps, &x.captures[name]))
            // "her second visit to Chad since May" is not dated May.
            .filter(|g| {
                !date::opens_period(&self.body[g.clone()]) && self.names_a_time_at_any_age(g)
            })
            .map(|g| self.when_in(sentence, g, direction, "stated"));
        // An ordinal that is no number ("the 99999999999999999999th") is a misreading, as
        // a value that does not parse is.
        let rank = match x
            .captures
            .values()
            .filter(|c| matches!(c.ty, CaptureType::Value(ValueType::Ordinal)))
            .find_map(|c| group(caps, c))
        {
            Some(g) => Some(ordinal::parse_ordinal(&self.body[g])?),
            None => None,
        };
        // "his last visit to Chad": an event before the article's, which neither its
        // sentence's dates nor the article's date. The cue counts in the clause the match
        // ends in: "Mba, recalling his last trip to Mali, made a visit to Mali" is of now.
        let earlier = when.is_none()
            && self.rules.earlier.as_ref().is_some_and(|re| {
                // Only a match that holds the cue pays for its clauses.
                re.is_match(&self.masked[whole.range()])
                    && re.is_match(&self.masked[self.last_clause_of(sentence, whole.range())])
            });
        Some(Draft {
            claim: Claim {
                article: self.article_id.clone(),
                span: body_span(whole.range()),
                // A match's text is seldom another's: interned, it grew the shared set
                // past the processor's caches for every other string looked up there.
                text: fold_space(&self.body[whole.range()]).into(),
                rule: x.id.clone(),
                key: self.strings.intern(&key),
                value,
                value_span,
                when,
                modality: if x.ignore_modality {
                    Modality::Reported
                } else {
                    told
                },
                notes: notes.iter().map(|n| self.strings.intern(n)).collect(),
                confidence: Confidence::of(
                    guesses.iter().map(|g| self.strings.intern(g)).collect(),
                ),
                unlike,
                away: pending_away,
            },
            span: whole.range(),
            order,
            sentence,
            wants_sentence_date: x.date_in_sentence && !earlier,
            dated_by_article: x.dated_by_article.filter(|_| !earlier),
            dated_by_article_ahead: x
                .dated_by_article_ahead
                .filter(|_| !earlier && !self.says_done(&whole.range())),
            day_of_event,
            day_of_event_by_length,
            date_ends_event: x.date_ends_event,
            date_during_event: x.date_during_event,
            direction,
            names_part,
            rank,
            earlier: x.earlier_event || earlier,
            article_guess,
            listed: false,
        })
    }

    /// A length told of a part of the event's place ("a two-day visit to Lomé") is that
    /// stop's, not the event's, when another claim of its key states a different length
    /// of the event itself ("a three-day state visit to Togo"): the claim is dropped.
    fn drop_legs(&self, drafts: &mut Vec<Draft>) {
        let mut whole: HashMap<Arc<str>, Vec<f64>> = HashMap::default();
        for d in drafts.iter().filter(|d| !d.names_part) {
            if let Value::Duration(length) = &d.claim.value {
                whole
                    .entry(d.claim.key.clone())
                    .or_default()
                    .push(length.days);
            }
        }
        drafts.retain(|d| match &d.claim.value {
            Value::Duration(length) if d.names_part => whole
                .get(&d.claim.key)
                .is_none_or(|days| days.contains(&length.days)),
            _ => true,
        });
    }

    /// In an article that plans an event, states its date, and reports none of its days,
    /// a claim of that event dated only by the article, or not at all ("Lobo's visit comes
    /// at a good time", in an article that says she will visit on Friday, or "This will be
    /// her first visit", or a headline's "Lobo to visit Chad") is of the planned event: it
    /// takes its date, and its cue if it has none; of several planned claims, the most
    /// precise leads where the others' dates hold its date, and a week that holds it takes
    /// its day ("next week", beside "on Tuesday"). A report with no date is of no plan. Two
    /// planned events of one key, dated apart, leave the claims as they are.
    fn follow_planned(&self, drafts: &mut [Draft]) {
        let mut by_key: HashMap<Arc<str>, Vec<usize>> = HashMap::default();
        // A plan put off or called off ("cancelled his planned visit") is none of the
        // article's plans: it neither takes their date nor gives its own; the article's
        // days ahead are not its days.
        let called_off: Vec<bool> = drafts.iter().map(|d| self.called_off(d)).collect();
        for (i, d) in drafts.iter_mut().enumerate() {
            if !called_off[i] {
                by_key.entry(d.claim.key.clone()).or_default().push(i);
            } else if matches!(d.claim.when, Some(When::Dated { span: None, .. })) {
                d.claim.when = Some(When::unresolved(CALLED_OFF_DATE));
            }
        }
        // A claim with no date at all ("Lobo to visit Chad", a headline over "she will
        // visit on 12-14 October"; "on the second day of the visit") is of the planned
        // event too.
        let by_article = |d: &Draft| match &d.claim.when {
            Some(When::Dated { span, .. }) => span.is_none(),
            Some(When::Unresolved { reason, .. }) => dating::undated_article(reason),
            None => true,
        };
        // In an article with no date, a date it states of a plan stays unresolved, and
        // still tells the plan.
        let unresolved = |d: &Draft| matches!(d.claim.when, Some(When::Unresolved { .. }));
        let days = |d: &Draft| match &d.claim.when {
            Some(When::Dated { date, .. }) => Some((date.start, date.end)),
            _ => None,
        };
        for indices in by_key.values() {
            let group = || indices.iter().map(|&i| &drafts[i]);
            // Only a planned claim that states its date leads.
            let stated: Vec<&Draft> = group()
                .filter(|d| {
                    d.claim.is_planned()
                        && !by_article(d)
                        && (days(d).is_some() || self.date.is_none() && unresolved(d))
                })
                .collect();
            // The most precise date leads where the others hold it ("next week" and "on
            // Monday" of that week are one event).
            let narrowest = stated
                .iter()
                .min_by_key(|d| days(d).map(|(start, end)| (end - start).num_days()));
            let holds = |outer: &Draft, inner: &Draft| match (days(outer), days(inner)) {
                (Some((a, b)), Some((c, d))) => a <= c && d <= b,
                _ => false,
            };
            // In an article with no date, no plan's date can be told from another's
            // ("this week", "on June 15"): the first leads; its date goes with it only when
            // every plan states that date.
            let undated_plans = stated.iter().all(|d| unresolved(d));
            let leader = if undated_plans {
                stated.first().copied()
            } else {
                narrowest
                    .filter(|n| stated.iter().all(|d| holds(d, n)))
                    .copied()
            };
            let Some(leader) = leader else {
                if stated.is_empty() {
                    self.follow_undated_plan(drafts, indices, by_article);
                }
                continue;
            };
            // An event the article reports is not only planned; one only a present tells as
            // under way ("is visiting") may be planned all the same, and one reported weeks
            // from the plan's day is another ("last visited Chad in May 2018").
            let apart = |d: &Draft| {
                let (Some(a), Some(b)) = (&d.claim.when, &leader.claim.when) else {
                    return false;
                };
                a.days_apart(b).is_some_and(|n| n > SETTLE_REACH_DAYS)
            };
            // A report with no date at all ("he visited Chad twice before") may be of any
            // event: it tells nothing of this one, and is none of it; one whose own words
            // tell it as news ("Lobo arrives in Chad", in an article with no date) is of
            // this one.
            if group().any(|d| {
                !apart(d)
                    && (self.reports_its_day(d) && !d.under_way() && d.claim.when.is_some()
                        || !d.claim.is_planned() && self.says_news(&d.span))
            }) {
                continue;
            }
            let (when, modality) = (leader.claim.when.clone(), leader.claim.modality.clone());
            let one_date = !undated_plans || stated.iter().all(|d| same_when(&d.claim.when, &when));
            let note = self.dated_at(leader, "planned event");
            // "Lobo is visiting Chad", beside "she will travel there on Wednesday", tells
            // the plan in the present.
            let ahead = self.after_article(&leader.claim.when);
            // A plan whose week holds the leader's day ("next week", beside "on Thursday")
            // is of the leader's event, on its day; a month may hold another visit ("again
            // later this month").
            // So is one dated by a day a plan gives of what will happen during the event
            // ("In his first visit to Chad, Lobo will meet Mba on Wednesday") that holds the
            // leader's day. A headline's month tells the body's event ("Lobo to visit Chad
            // next month", over "in the first week of September, she will visit"): a
            // headline is a line of its own above the prose.
            let looser: Vec<bool> = group()
                .map(|d| {
                    !undated_plans
                        && (d.claim.is_planned() || d.rests_on(dating::PLAN_DAY_DURING))
                        && holds(d, leader)
                        && days(d) != days(leader)
                        && days(d).is_some_and(|(start, end)| {
                            let span = (end - start).num_days();
                            span < 7
                                || span < 31
                                    && d.sentence.is_some_and(|s| self.headline_above_prose(s))
                        })
                })
                .collect();
            let same: Vec<bool> = group().map(|d| d.same_event_as(leader)).collect();
            for ((&i, looser), same) in indices.iter().zip(looser).zip(same) {
                let d = &mut drafts[i];
                if !same {
                    continue;
                }
                if by_article(d) && !self.reports_its_day(d) || ahead && d.under_way() || looser {
                    if one_date {
                        d.claim.when = when.clone();
                    }
                    if !d.claim.is_planned() {
                        d.claim.modality = modality.clone();
                    }
                    d.claim.add_notes([note.clone()]);
                }
            }
        }
    }

    /// Of a plan the article states no date of, and an event no claim of its key reports
    /// ("PM Lobo to visit Chad", over "Lobo's two-day visit to Chad is aimed at trade"):
    /// the claims of `indices` dated only by the article are of the plan, as undated as it
    /// is (a guess). Not when a claim of the key tells the event as news in its own words
    /// ("Lobo Arrives in Chad", over a report of the day before that she "will visit Chad").
    fn follow_undated_plan(
        &self,
        drafts: &mut [Draft],
        indices: &[usize],
        by_article: impl Fn(&Draft) -> bool,
    ) {
        let group = || indices.iter().map(|&i| &drafts[i]);
        if group().any(|d| {
            self.reports_its_day(d)
                || d.under_way()
                || !d.claim.is_planned() && self.says_news(&d.span)
        }) {
            return;
        }
        let Some(plan) = group().find(|d| d.claim.is_planned()) else {
            return;
        };
        let (when, modality) = (plan.claim.when.clone(), plan.claim.modality.clone());
        let note = self.of_event_at(plan.span.start, "event", "plans");
        let guess = self.strings.intern(OF_UNDATED_PLAN);
        let same: Vec<bool> = indices
            .iter()
            .map(|&i| drafts[i].same_event_as(plan))
            .collect();
        for (&i, same) in indices.iter().zip(same) {
            let d = &mut drafts[i];
            if same && !d.claim.is_planned() && by_article(d) {
                d.claim.when = when.clone();
                d.claim.modality = modality.clone();
                d.claim.add_notes([note.clone()]);
                d.claim.confidence = d.claim.confidence.with(guess.clone());
            }
        }
    }

    /// Parties the article guessed for a claim (its topic, its dateline: "The visit started
    /// on Tuesday", with no host in the sentence) are the ones the article's other claims
    /// with the claim's known parts name, when they all name the same: the visit told
    /// before. Claims of another event name none: an earlier visit, another rank, a day
    /// their own words give a week or more away. Where they name different parties, it
    /// takes those of the event told in the two sentences before it, when every claim
    /// before it names them (none in a clause of another time) and none names the parties
    /// the article guessed: a guess.
    ///
    /// A guess whose own sentence has claims with its known parts that name several
    /// parties ("She will also visit Niger and Mali during the eight-day visit") is of
    /// them all: its guessed parties are unknown.
    fn follow_named_parties(&self, drafts: &mut [Draft]) {
        // The parties each guess takes, all found before any is taken.
        let named: Vec<(usize, Vec<String>, Vec<String>, Retaken)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let guess = d.article_guess.as_ref()?;
                let guessed = guess.fill(&d.claim.key)?;
                let mut beside: Vec<Vec<&str>> = drafts
                    .iter()
                    .filter(|o| o.article_guess.is_none() && o.sentence == d.sentence)
                    .filter_map(|o| guess.fill(&o.claim.key))
                    .collect();
                beside.sort_unstable();
                beside.dedup();
                if d.sentence.is_some() && beside.len() > 1 {
                    let unknown = guessed.iter().map(|_| "?".to_string()).collect();
                    let guessed = guessed.iter().map(|v| v.to_string()).collect();
                    return Some((i, unknown, guessed, Retaken::Several));
                }
                // The parties each claim of the event names, in text order.
                let named: Vec<(&Draft, Vec<&str>)> = drafts
                    .iter()
                    // Not one whose guessed party other articles may yet show at home.
                    .filter(|o| {
                        o.article_guess.is_none() && o.claim.away.is_none() && o.same_event_as(d)
                    })
                    .filter(|o| !dated_apart(&o.claim.when, &d.claim.when))
                    .filter_map(|o| Some((o, guess.fill(&o.claim.key)?)))
                    .collect();
                let (_, first) = named.first()?;
                let told_before = !named.iter().all(|(_, other)| other == first);
                let first = if !told_before {
                    first
                } else {
                    // Claims that name different parties: the event told before it, when
                    // all claims before it name the same and one is in the two sentences
                    // before it ("… during a visit by Lobo to Niger. … The two-day visit
                    // was"); the events told after it are others, and so is one in a clause
                    // of another time ("since Lobo visited Niamey"). A guess, and none when
                    // a claim names the parties the article guessed.
                    if named.iter().any(|(_, parties)| *parties == guessed) {
                        return None;
                    }
                    let before: Vec<&Vec<&str>> = named
                        .iter()
                        .filter(|(o, _)| o.span.start < d.span.start && !self.of_another_time(o))
                        .map(|(_, parties)| parties)
                        .collect();
                    let near = named.iter().any(|(o, _)| {
                        o.span.start < d.span.start
                            && !self.of_another_time(o)
                            && d.sentence.zip(o.sentence).is_some_and(|(own, other)| {
                                own <= other + PARTIES_TOLD_WITHIN_SENTENCES
                            })
                    });
                    let last = *before.last()?;
                    if !near || before.iter().any(|parties| *parties != last) {
                        return None;
                    }
                    last
                };
                let one =
                    *first != guessed && first.iter().all(|v| *v != "?" && !v.contains(['/', '+']));
                one.then(|| {
                    let values = first.iter().map(|v| v.to_string()).collect();
                    let guessed = guessed.iter().map(|v| v.to_string()).collect();
                    (i, values, guessed, Retaken::Named { told_before })
                })
            })
            .collect();
        for (i, values, guessed, retaken) in named {
            let Some(guess) = drafts[i].article_guess.take() else {
                continue;
            };
            let mut values = values.iter();
            let mut key = String::new();
            let mut taken: Vec<(&str, &str)> = Vec::new();
            for part in &guess.parts {
                match part {
                    GuessPart::Known(text) => key.push_str(text),
                    GuessPart::Guessed(slot) => {
                        let Some(value) = values.next() else { break };
                        key.push_str(value);
                        taken.push((slot, value));
                    }
                }
            }
            let claim = &mut drafts[i].claim;
            claim.key = self.strings.intern(&key);
            // The next candidate of a guess another article may undo is no longer wanted.
            if claim
                .unlike
                .as_ref()
                .is_some_and(|u| guessed.iter().any(|g| **g == *u.inferred))
            {
                claim.unlike = None;
            }
            let guessed = |text: &str| {
                taken.iter().any(|(slot, _)| {
                    text.strip_prefix(slot).is_some_and(|rest| {
                        rest.starts_with(" inferred")
                            || rest.starts_with(" taken")
                            || rest == " unknown"
                    })
                })
            };
            let notes = taken.iter().map(|(slot, value)| {
                let name = self
                    .entities
                    .index_of(value)
                    .map_or(*value, |e| &self.entities.get(e).name);
                self.strings.intern(&match retaken {
                    Retaken::Named { .. } => {
                        format!("{slot}: {name}, whom the article's other claims of the event name")
                    }
                    Retaken::Several => {
                        format!("{slot}: unknown, for its sentence's other claims name several")
                    }
                })
            });
            claim.notes = claim
                .notes
                .iter()
                .filter(|n| !guessed(n))
                .cloned()
                .chain(notes)
                .collect();
            claim.confidence = Confidence::of(
                claim
                    .confidence
                    .guesses()
                    .iter()
                    .filter(|g| !guessed(g))
                    .cloned()
                    .chain(
                        matches!(retaken, Retaken::Named { told_before: true })
                            .then(|| self.strings.intern(EVENT_TOLD_BEFORE)),
                    )
                    .collect(),
            );
        }
    }

    /// A reported claim dated by a day named from the article's ("today", "on Monday")
    /// takes the first of the days its sentence states for the same event, when they hold
    /// it ("arrived in Niamey today for her 3-4 June visit", a report's words of the day it
    /// was made): a guess. A single day stated beside it may be another visit's ("she last
    /// visited Niger on 4 May"), and days to come are a plan's.
    fn follow_stated_day(&self, drafts: &mut [Draft]) {
        let date_text = |d: &Draft| match &d.claim.when {
            Some(When::Dated {
                span: Some(span), ..
            }) => self.body.get(span.range()),
            _ => None,
        };
        let named =
            |d: &Draft| date_text(d).is_some_and(|t| date::is_deictic(t) || date::names_weekday(t));
        let stated = |d: &Draft| date_text(d).is_some() && !named(d);
        for i in 0..drafts.len() {
            let d = &drafts[i];
            if d.claim.is_planned() || !named(d) {
                continue;
            }
            let Some(When::Dated { date, .. }) = &d.claim.when else {
                continue;
            };
            let other = drafts.iter().find(|o| {
                o.sentence == d.sentence
                    && o.claim.key == d.claim.key
                    && o.same_event_as(d)
                    && !o.claim.is_planned()
                    && stated(o)
                    && matches!(&o.claim.when, Some(When::Dated { date: first, .. })
                    if first.start < date.start
                        && self.date.is_none_or(|today| first.start <= today)
                        && date_text(o)
                            .and_then(|t| date::range_days(t, self.date, Direction::Past))
                            .is_some_and(|n| {
                                let last = first.start + chrono::Days::new(u64::from(n) - 1);
                                date.start <= last
                            }))
            });
            if let Some(other) = other {
                let mut taken = self.date_of(other, false);
                taken.guesses.push(self.strings.intern(STATED_OVER_NAMED));
                taken.give(&mut drafts[i]);
            }
        }
    }

    /// A reported claim dated only by the article ("The two-day visit is her first", after
    /// "Lobo arrived in Niamey on Monday") is of the event the article dates in that
    /// window: it takes the date that the reported claims of its key state there, when
    /// they state one, or the first of days a few apart (a guess). A day only the tense
    /// gives ("arrives", in a headline over "began the visit on 7 March"), or a day of
    /// what happened during the event ("said on Friday during his visit"), is a claim
    /// dated by the article too, and yields to a day the text states in the days up to it;
    /// a visit only an under-way tense dates ("is on a visit") yields to the day an arrival
    /// told as news was ("has landed"). Only the claims `open` picks take a date.
    fn follow_reported(&self, drafts: &mut [Draft], open: impl Fn(&Draft) -> bool) {
        let dated = |d: &Draft| match &d.claim.when {
            Some(When::Dated { date, span, .. }) => Some((*date, span.is_some())),
            _ => None,
        };
        let by_tense = Draft::dated_by_a_later_day;
        // Per key, the reported claims dated by the article (or by the tense) and those
        // that state a date (or take the tense's).
        let mut by_key: HashMap<Arc<str>, (Vec<usize>, Vec<usize>)> = HashMap::default();
        for (i, d) in drafts.iter().enumerate() {
            if let (false, Some((_, own))) = (d.claim.is_planned(), dated(d)) {
                let (by_article, stated) = by_key.entry(d.claim.key.clone()).or_default();
                if (!own || by_tense(d)) && open(d) {
                    by_article.push(i);
                }
                if own {
                    stated.push(i);
                }
            }
        }
        for (by_article, stated) in by_key.values() {
            for &i in by_article {
                let Some((mut window, _)) = dated(&drafts[i]) else {
                    continue;
                };
                let tense = by_tense(&drafts[i]);
                if tense {
                    // The days the extractor reaches back, or the claim's own range (a day
                    // during its event), whichever reaches further.
                    let d = &drafts[i];
                    let days = d.dated_by_article.max(d.date_during_event).unwrap_or(0);
                    window.start = window.start.min(
                        (window.end)
                            .checked_sub_days(chrono::Days::new(u64::from(days)))
                            .unwrap_or(chrono::NaiveDate::MIN),
                    );
                }
                let in_window = |d: &&Draft| {
                    dated(d).is_some_and(|(date, _)| {
                        window.start <= date.start && date.end <= window.end
                    })
                };
                // A day only the tense of an event under way gives ("is on a visit") yields
                // to the day an arrival the tense tells ("has landed") was on.
                let under_way = drafts[i].under_way();
                // The days only the tense gives, if that is what dates the claim: the
                // article's day, or the days up to it of an event under way.
                let tense_days = Some(&drafts[i])
                    .filter(|d| d.dated_by_tense())
                    .and_then(dated)
                    .map(|(date, _)| (date.start, date.end));
                let firmer = |d: &Draft| {
                    !by_tense(d)
                        || under_way
                            && !d.under_way()
                            && d.rests_on(dating::TENSE_DATE)
                            && d.date_during_event.is_none()
                        // A day of the event stated before the day only the tense gives
                        // ("has arrived", over "was received on Tuesday"): the event had
                        // begun by then; of one under way ("is on a visit"), that very day
                        // too, which the text states.
                        || !d.dated_by_tense()
                            && tense_days.is_some_and(|(first, last)| {
                                dated(d).is_some_and(|(date, own)| {
                                    own && (date.end < first || under_way && date.end <= last)
                                })
                            })
                };
                let stated_in = stated
                    .iter()
                    .map(|&j| &drafts[j])
                    .filter(in_window)
                    .filter(|d| d.same_event_as(&drafts[i]));
                let firm = stated_in.clone().any(firmer);
                if tense && !firm {
                    continue;
                }
                let within: Vec<&Draft> = stated_in.filter(|d| !firm || firmer(d)).collect();
                if let Some(date) = self.one_event_date(&within) {
                    date.give(&mut drafts[i]);
                }
            }
        }
    }

    /// Whether a draft stands in a clause of another time than its sentence's ("comes a
    /// fortnight after Mba's visit", "since Lobo visited Niamey"), not one "during" the
    /// event ("signed a pact during Lobo's visit"), unless that clause hangs on one of
    /// another time ("comes a month after accords were signed during Lobo's visit").
    fn of_another_time(&self, d: &Draft) -> bool {
        d.sentence.is_some_and(|s| {
            let clauses = self.clauses(s);
            clauses.iter().enumerate().any(|(i, c)| {
                c.of_another_time()
                    && c.range.contains(&d.span.start)
                    && (self.during_at(c.range.start, &d.span).is_none()
                        || i.checked_sub(1).is_some_and(|p| {
                            clauses[p].of_another_time()
                                && self
                                    .during_at(clauses[p].range.start, &clauses[p].range)
                                    .is_none()
                        }))
            })
        })
    }

    /// Figures of one key that differ in one sentence ("Chad considers the border as 1,210
    /// km long, whereas Niger measures it as 1,240 km") report a dispute, not a fact: each
    /// rests on a guess, so no error does.
    fn mark_disputed(&self, drafts: &mut [Draft]) {
        let figure = |d: &Draft| matches!(d.claim.value, Value::Quantity(_) | Value::Number(_));
        let disputed: Vec<usize> = (0..drafts.len())
            .filter(|&i| {
                let d = &drafts[i];
                figure(d)
                    && d.sentence.is_some()
                    && drafts.iter().any(|o| {
                        figure(o)
                            && o.sentence == d.sentence
                            && o.claim.key == d.claim.key
                            && o.claim.value != d.claim.value
                    })
            })
            .collect();
        let guess = self.strings.intern(DISPUTED);
        for i in disputed {
            let claim = &mut drafts[i].claim;
            claim.confidence = claim.confidence.with(guess.clone());
        }
    }

    /// Whether `range` of the body lies within the dateline, date and all.
    fn in_dateline(&self, range: &Range<usize>) -> bool {
        self.dateline_range
            .as_ref()
            .is_some_and(|d| d.start <= range.start && range.end <= d.end)
    }

    /// Whether the day a claim states is the dateline's, the day of the report.
    fn of_dateline(&self, draft: &Draft) -> bool {
        match &draft.claim.when {
            Some(When::Dated {
                span: Some(span), ..
            }) => self.in_dateline(&span.range()),
            _ => false,
        }
    }

    /// Whether sentence `s` is a headline: a line of its own that ends in a word, above
    /// every line of prose (one that ends in a full stop). [`Self::headline`] is only the
    /// first line of a few words, whatever follows.
    fn headline_above_prose(&self, s: usize) -> bool {
        let sentence = &self.sentences[s];
        let before = self.body[..sentence.start].trim_end_matches([' ', '\t']);
        let after = self.body[sentence.end..].trim_start_matches([' ', '\t']);
        (before.is_empty() || before.ends_with('\n'))
            && (after.is_empty() || after.starts_with('\n'))
            && self.body[sentence.clone()]
                .trim_end()
                .ends_with(char::is_alphanumeric)
            && !before.lines().any(|line| line.trim_end().ends_with('.'))
    }

    /// The article's headline: its first line of three words or more (a word or two above
    /// it, "News", is a section's name).
    fn headline(&self) -> Option<Range<usize>> {
        let mut start = 0;
        self.body
            .split_inclusive('\n')
            .map(|line| {
                let range = start..start + line.trim_end().len();
                start += line.len();
                range
            })
            .find(|r| self.body[r.clone()].split_whitespace().count() >= 3)
    }

    /// A reported claim that nothing dates is of the event the article dates: one of the
    /// headline ("Lobo visits Niger") takes the date the body's reported claims of its key
    /// state, one of the body ("Lobo said she went to Niger to build ties") the date the
    /// article's other reported claims of its key state, when they state one (or take the
    /// day the article states near its date, a guess), or the first of days a few apart
    /// (a guess); with none stated, the date of a claim of its key in its own sentence,
    /// however dated ("visited Chad on a four-day trip"), that no clause of another time
    /// holds; of days further apart, or of days without their year that differ, it takes
    /// none, nor does one of a sentence an `another-time` cue tells of another time ("she
    /// visited Niger twice before"). One of a day of the event ("on
    /// the second day of the visit") takes only a day that is the event's first.
    fn follow_undated(&self, drafts: &mut [Draft]) {
        let Some(headline) = self.headline() else {
            return;
        };
        // A day the body states, not one only its tense tells, or the one day the article
        // states near its date (a guess); in an article with no date, a day without its
        // year.
        let stated = |d: &Draft| match &d.claim.when {
            Some(When::Dated { span: Some(_), .. } | When::Unresolved { days: Some(_), .. }) => {
                !d.dated_by_tense()
            }
            Some(When::Dated { span: None, .. }) => {
                d.rests_on(dating::ONE_STATED_DAY) || d.rests_on(dating::FIRST_STATED_DAY)
            }
            _ => false,
        };
        for i in 0..drafts.len() {
            let d = &drafts[i];
            if d.claim.when.is_some() || d.claim.is_planned() {
                continue;
            }
            let in_headline = d.span.end <= headline.end;
            // "She visited Niger twice before": another time than the article's event.
            let another_time = || {
                let sentence = d.sentence.map(|s| &self.body[self.sentences[s].clone()]);
                let cue = self.rules.another_time.as_ref();
                sentence
                    .zip(cue)
                    .is_some_and(|(text, re)| re.is_match(text))
            };
            // Dates as a value ("following his visits in May and June") are other events'.
            let own_dates = matches!(d.claim.value, Value::Date(_) | Value::Dates(_));
            if !in_headline && (another_time() || own_dates) {
                continue;
            }
            // A day of the event ("on the visit's second day") needs its first day: a day
            // stated for the event that may be a later one ("met traders on Tuesday during
            // her visit", "is in Chad on a visit" under a dateline's day) is none.
            let first_day = |o: &Draft| {
                d.day_of_event.is_none() || !o.dated_by_a_later_day() && !self.of_dateline(o)
            };
            let body: Vec<&Draft> = drafts
                .iter()
                .filter(|o| o.claim.key == d.claim.key)
                .filter(|o| {
                    if in_headline {
                        o.span.start >= headline.end
                    } else {
                        o.span != d.span
                    }
                })
                .filter(|o| o.same_event_as(d))
                .filter(|o| !o.claim.is_planned() && stated(o) && first_day(o))
                .filter(|o| !self.dated_another_time(o))
                .collect();
            let Some(leader) = body.first() else {
                // A reported claim of its key in its own sentence tells of the same event,
                // even one only the article dates ("visited Chad on a four-day trip"); dates
                // as a value are other events' all the same.
                let beside = drafts.iter().find(|o| {
                    !own_dates
                        && d.sentence.is_some()
                        && o.sentence == d.sentence
                        && o.span != d.span
                        && o.claim.key == d.claim.key
                        && o.same_event_as(d)
                        && !o.claim.is_planned()
                        && !matches!(o.claim.value, Value::Date(_) | Value::Dates(_))
                        && matches!(o.claim.when, Some(When::Dated { .. }))
                        && !self.dated_another_time(o)
                        && !self.in_clause_of_another_time(o.span.start)
                });
                if let Some(beside) = beside {
                    let mut date = self.date_of(beside, false);
                    date.guesses.push(self.strings.intern(OTHER_REPORT_DATE));
                    date.give(&mut drafts[i]);
                }
                continue;
            };
            let date = if body
                .iter()
                .all(|o| matches!(o.claim.when, Some(When::Dated { .. })))
            {
                self.one_event_date(&body)
            } else if body
                .iter()
                .all(|o| same_when(&o.claim.when, &leader.claim.when))
            {
                // Days without their year: one day, or none.
                Some(self.date_of(leader, false))
            } else {
                // Days that differ, or days with and without their year.
                None
            };
            if let Some(mut date) = date {
                if !in_headline {
                    date.guesses.push(self.strings.intern(OTHER_REPORT_DATE));
                }
                date.give(&mut drafts[i]);
            }
        }
    }

    /// The date of the one event whose claims `stated` state it: theirs, or the first of
    /// days a few apart ("arrived late Sunday", "was welcomed on Monday"), a guess. Days
    /// further apart may be two events': `None`.
    fn one_event_date(&self, stated: &[&Draft]) -> Option<Borrowed> {
        let days = || {
            stated.iter().filter_map(|d| match &d.claim.when {
                Some(When::Dated { date, .. }) => Some(*date),
                _ => None,
            })
        };
        let first = days().map(|d| d.start).min()?;
        let last = days().map(|d| d.end).max()?;
        if (last - first).num_days() > ONE_EVENT_SPAN_DAYS {
            return None;
        }
        let leader = stated.iter().find(
            |d| matches!(&d.claim.when, Some(When::Dated { date, .. }) if date.start == first),
        )?;
        Some(self.date_of(leader, days().any(|d| d.start != first)))
    }

    /// The date of `leader` as another claim of its event takes it, with what it rests on;
    /// `first_of_days` when it is the first of days that differ.
    fn date_of(&self, leader: &Draft, first_of_days: bool) -> Borrowed {
        let mut guesses = leader.claim.confidence.guesses().to_vec();
        if first_of_days {
            guesses.push(self.strings.intern(FIRST_OF_DAYS));
        }
        Borrowed {
            when: leader.claim.when.clone(),
            guesses,
            note: self.dated_at(leader, "event"),
        }
    }

    /// The note of a claim that takes the date of `leader`, a claim of its `event`.
    fn dated_at(&self, leader: &Draft, event: &str) -> Arc<str> {
        self.of_event_at(leader.span.start, event, "dates")
    }

    /// The note of a claim said of the `event` the article `tells` ("dates", "plans") at
    /// the line of offset `at`.
    fn of_event_at(&self, at: usize, event: &str, tells: &str) -> Arc<str> {
        self.strings.intern(&format!(
            "of the {event} the article {tells} at line {}",
            self.place(at..at).line
        ))
    }

    /// In an article with no date (or only the day its page was updated), a claim dated
    /// by nothing but the article takes the day the article states for the claims of its
    /// key and modality, when they state one:
    /// a month and day without their year ("Lobo's visit", after "Lobo arrived in Niamey
    /// on May 9"), which a weekday named from the article's day takes too ("Lobo will
    /// visit Chad on Thursday", under "Lobo to visit Chad on Oct. 31"), or a full day or
    /// month ("Lobo's visit", after "Lobo arrived on 9 May 2025"), a guess, which none takes
    /// when a claim of the key is dated by a weekday or a day relative to the unknown one
    /// (the article's event may be another) — but a weekday that falls on the one day
    /// stated in full takes it ("on Monday next week", beside "on 11 March 2019"). A plan is
    /// one event: a day named from the unknown one ("will leave tomorrow") takes the full
    /// day stated for it, unless a weekday that does not fall on it dates a plan of the key.
    /// Of days a few apart, all in full or all without their year, it takes the first (a
    /// guess); of days further apart none, nor does a visit told as news ("is on a
    /// visit"). The day of an event before the article's ("was last in Chad on 9 May") is
    /// none of these.
    fn follow_stated_undated(&self, drafts: &mut [Draft]) {
        if self.date.is_some() && !self.date_updated {
            return;
        }
        /// A day an article with no date states: without its year, or in full.
        #[derive(PartialEq)]
        enum Stated<'a> {
            Yearless(&'a str),
            Full(NaiveDate, NaiveDate),
        }
        fn stated(d: &Draft) -> Option<Stated<'_>> {
            match &d.claim.when {
                Some(When::Unresolved {
                    days: Some(days), ..
                }) if !d.dated_by_tense() => Some(Stated::Yearless(days)),
                Some(When::Dated {
                    date,
                    span: Some(_),
                    ..
                }) if matches!(date.precision, Precision::Day | Precision::Month)
                    && !d.dated_by_tense() =>
                {
                    Some(Stated::Full(date.start, date.end))
                }
                _ => None,
            }
        }
        let by_article = |d: &Draft| {
            matches!(&d.claim.when, Some(When::Unresolved { reason, days: None, .. })
                if reason == dating::NO_ARTICLE_DATE || reason == dating::UPDATED_DATE)
        };
        let relative_to = |d: &Draft, why: &str| {
            matches!(&d.claim.when, Some(When::Unresolved { reason, days: None, .. })
                if reason.ends_with(why))
        };
        let by_weekday = |d: &Draft| relative_to(d, dating::WEEKDAY_NO_DATE);
        let by_relative = |d: &Draft| by_weekday(d) || relative_to(d, dating::RELATIVE_NO_DATE);
        let mut by_key: HashMap<(Arc<str>, bool), Vec<usize>> = HashMap::default();
        for (i, d) in drafts.iter().enumerate() {
            let event = (d.claim.key.clone(), d.claim.is_planned());
            by_key.entry(event).or_default().push(i);
        }
        // The days a stated day spans, in a leap year when it has none ("--05-09"); none for
        // a month without its year.
        let span = |day: &Stated| match day {
            Stated::Full(start, end) => Some((*start, *end)),
            Stated::Yearless(days) => {
                let (month, day) = days.strip_prefix("--")?.split_once('-')?;
                let day = NaiveDate::from_ymd_opt(2000, month.parse().ok()?, day.parse().ok()?)?;
                Some((day, day))
            }
        };
        for indices in by_key.values() {
            // Not the days of an event before the article's ("was last in Chad on 9 May",
            // "as earlier on 9 May she visited Chad").
            let days: Vec<(usize, Stated)> = indices
                .iter()
                .filter(|&&i| !drafts[i].earlier && !self.dated_another_time(&drafts[i]))
                .filter_map(|&i| Some((i, stated(&drafts[i])?)))
                .collect();
            let Some((leader, day)) = days.first() else {
                continue;
            };
            // Days that differ are one event's when they lie a few days apart, all in full
            // or all without their year ("arrived on May 5", "met traders on May 7"): the
            // first leads, a guess.
            let first_of_days = days.iter().any(|(_, other)| other != day);
            let spans: Option<Vec<(NaiveDate, NaiveDate)>> =
                days.iter().map(|(_, d)| span(d)).collect();
            let one_event = spans.as_ref().is_some_and(|spans| {
                let first = spans.iter().map(|s| s.0).min();
                let last = spans.iter().map(|s| s.1).max();
                first
                    .zip(last)
                    .is_some_and(|(a, b)| (b - a).num_days() <= ONE_EVENT_SPAN_DAYS)
            }) && days
                .iter()
                .all(|(_, d)| matches!(d, Stated::Full(..)) == matches!(day, Stated::Full(..)));
            if first_of_days && !one_event {
                continue;
            }
            let (leader, day) = match &spans {
                Some(spans) if first_of_days => {
                    let first = spans.iter().map(|s| s.0).min();
                    let at = spans.iter().position(|s| Some(s.0) == first).unwrap_or(0);
                    (days[at].0, &days[at].1)
                }
                _ => (*leader, day),
            };
            let full = matches!(day, Stated::Full(..));
            // A weekday that falls on the one day stated in full ("on Monday next week",
            // beside "on 11 March 2019", a Monday) names that day.
            let one_day = match day {
                Stated::Full(start, end) if start == end => Some(*start),
                _ => None,
            };
            let falls_on = |d: &Draft| {
                one_day.is_some_and(|day| {
                    by_weekday(d) && self.may_name(&d.claim.when, d.direction, day)
                })
            };
            // Of a plan, a day named from the article's ("will leave tomorrow") is the
            // day it states in full ("will visit on 3-4 March 2022"): an article plans
            // one visit of a key; a weekday may not fit the day, and says another.
            let plan = drafts[leader].claim.is_planned();
            let another =
                |d: &Draft| (if plan { by_weekday(d) } else { by_relative(d) }) && !falls_on(d);
            if full && indices.iter().any(|&i| another(&drafts[i])) {
                continue;
            }
            let named = |d: &Draft| full && (plan && by_relative(d) || falls_on(d));
            let takes = |d: &Draft| by_article(d) || !full && by_weekday(d) || named(d);
            let mut taken = self.date_of(&drafts[leader], first_of_days);
            if plan {
                taken.note = self.dated_at(&drafts[leader], "planned event");
            }
            let mut by_name = taken.clone();
            if full {
                taken.guesses.push(self.strings.intern(OF_STATED_DAY));
                by_name.guesses.push(self.strings.intern(if plan {
                    NAMED_OF_STATED_PLAN
                } else {
                    WEEKDAY_OF_STATED_DAY
                }));
            }
            for &i in indices {
                if takes(&drafts[i]) && drafts[i].same_event_as(&drafts[leader]) {
                    let given = if named(&drafts[i]) { &by_name } else { &taken };
                    given.clone().give(&mut drafts[i]);
                }
            }
        }
    }

    /// Whether a day of the claim is written with a weekday but not its year ("Monday, Oct
    /// 21", a site's header), more than [`SURE_YEAR_REACH_DAYS`] from the article's date,
    /// and the weekday does not fit the year read from that date: the year, not the
    /// weekday, may be what is wrong.
    fn weekday_against_far_year(&self, claim: &Claim) -> bool {
        let Some(today) = self.date else {
            return false;
        };
        let when = match &claim.when {
            Some(When::Dated { date, .. }) => Some(date),
            _ => None,
        };
        let value = match &claim.value {
            Value::Date(date) => Some(date),
            _ => None,
        };
        value.into_iter().chain(when).any(|date| {
            date.relative
                && date.precision == Precision::Day
                && date
                    .stated_weekday
                    .is_some_and(|weekday| weekday != date.start.weekday())
                && (date.start - today).num_days().abs() > SURE_YEAR_REACH_DAYS
        })
    }

    /// Whether the day named from the article's that `when` could not resolve ("on
    /// Monday", in an article with no date) is `day` for some article's date in the fortnight
    /// around it.
    fn may_name(&self, when: &Option<When>, direction: Direction, day: NaiveDate) -> bool {
        let Some(When::Unresolved {
            span: Some(span), ..
        }) = when
        else {
            return false;
        };
        let Some(text) = self.body.get(span.range()) else {
            return false;
        };
        (-NAMED_DAY_REACH_DAYS..=NAMED_DAY_REACH_DAYS).any(|offset| {
            let Some(anchor) = day.checked_add_signed(chrono::Duration::days(offset)) else {
                return false;
            };
            date::parse_date(text, Some(anchor), direction)
                .is_ok_and(|dated| dated.value.start == day && dated.value.end == day)
        })
    }

    /// Settles the plans of events the article reports, by the first day it reports of
    /// each key: a plan that states that day was carried out ("Lobo would visit Chad on 8-9
    /// April", after "Lobo arrived in Chad on 8 April"), so it is reported; a plan that
    /// names a part of the event's place ("she will travel on to Lyon", in an article on
    /// her visit to France) with no date or a later one is a stop of that event, no event
    /// of its own, and is dropped. In an article with no date, a plan with no date of its
    /// own, when a claim of its key says the event happened, is a stop of it and dropped, or
    /// is said of it ("welcomes her upcoming visit", beside "she arrived on Monday").
    fn settle_plans(&self, drafts: &mut Vec<Draft>) {
        let start = |d: &Draft| match &d.claim.when {
            Some(When::Dated { date, .. }) => Some(date.start),
            _ => None,
        };
        // Per key, the first day reported near the article's and the line that reports it:
        // a visit years before ("last visited Chad in 2019") is no event under way.
        let near = |day: NaiveDate| {
            self.date
                .is_some_and(|today| (day - today).num_days().abs() <= SETTLE_REACH_DAYS)
        };
        // A report of the article's own day, or a later one, that does not say its event
        // happened ("arrives in Niamey today", a headline) may tell what is to come that
        // day: it carries out no plan. Its clause may say it ("left N'Djamena today for a
        // two-day visit").
        let past = |d: &Draft, day: NaiveDate| {
            self.done_in_clause(d) || self.date.is_some_and(|today| day < today)
        };
        let mut reported: HashMap<Arc<str>, (NaiveDate, usize, Option<When>)> = HashMap::default();
        for d in drafts.iter().filter(|d| self.reports_its_day(d)) {
            if let Some(day) = start(d).filter(|&day| near(day) && past(d, day)) {
                let first = reported.entry(d.claim.key.clone()).or_insert((
                    day,
                    d.span.start,
                    d.claim.when.clone(),
                ));
                if (day, d.span.start) < (first.0, first.1) {
                    *first = (day, d.span.start, d.claim.when.clone());
                }
            }
        }
        // An event reported in the days up to the article is under way: what the article
        // says it will be, with no day of its own, is said of it ("Lobo's visit will boost
        // ties", after "Lobo arrived on Wednesday"); so is a plan with no date at all told
        // before the report ("Lobo will travel to Chad for a visit", before "she headed to
        // Chad on Sunday", the article's day), not one after it ("she will visit Chad
        // again").
        let under_way = |first: NaiveDate| {
            self.date.is_some_and(|today| {
                first <= today && (today - first).num_days() <= ONE_EVENT_SPAN_DAYS
            })
        };
        // In an article with no date, the keys whose event a claim says happened with no
        // date either ("arrived this morning", "led a delegation on a visit to Chad"): not
        // one dated in another year ("last visited in 2019").
        // The first such claim of each key: where, and its date.
        let mut happened: HashMap<Arc<str>, (usize, Option<When>)> = HashMap::default();
        for d in drafts
            .iter()
            .filter(|d| self.date.is_none() && !d.claim.is_planned() && self.done_in_clause(d))
            .filter(|d| !matches!(d.claim.when, Some(When::Dated { .. })))
        {
            happened
                .entry(d.claim.key.clone())
                .or_insert((d.span.start, d.claim.when.clone()));
        }
        drafts.retain_mut(|d| {
            // There, a stop with no date either is still a stop.
            let undated = !matches!(d.claim.when, Some(When::Dated { .. }));
            let done = happened.get(&d.claim.key).filter(|_| d.claim.is_planned());
            if d.names_part && undated && done.is_some() {
                return false;
            }
            // And a plan with no date the article can resolve ("welcomes Lobo's upcoming
            // visit", beside "Lobo arrived in Chad on Monday") is said of the event that
            // happened, in words from before it: a guess.
            if let Some((at, when)) = done.filter(|_| {
                matches!(&d.claim.when, Some(When::Unresolved { reason, .. })
                    if reason == dating::NO_ARTICLE_DATE)
            }) {
                d.claim.modality = Modality::Reported;
                d.claim.when = when.clone();
                d.claim
                    .add_notes([self.of_event_at(*at, "event", "reports")]);
                let guess = self.strings.intern(PLAN_OF_REPORTED);
                d.claim.confidence = d.claim.confidence.with(guess);
                return true;
            }
            let Some((first, at, first_when)) =
                reported.get(&d.claim.key).filter(|_| d.claim.is_planned())
            else {
                return true;
            };
            let (first, at) = (*first, *at);
            let day = start(d);
            if d.names_part && (d.claim.when.is_none() || day.is_some_and(|day| day > first)) {
                return false;
            }
            let stated = matches!(d.claim.when, Some(When::Dated { span: Some(_), .. }));
            let by_article = matches!(d.claim.when, Some(When::Dated { span: None, .. }));
            let line = self.place(at..at).line;
            // The first report may give days its length reaches back over ("is on a
            // 2-day visit", the day before the article's or its own): a plan that states
            // one of them up to the article's day was carried out (not one still to come:
            // "arrived this week" holds next Sunday too).
            let of_first = |day: NaiveDate| {
                day == first
                    || self.date.is_some_and(|today| day <= today)
                        && matches!(first_when, Some(When::Dated { date, .. })
                            if date.start <= day && day <= date.end)
            };
            if stated && day.is_some_and(of_first) {
                d.claim.modality = Modality::Reported;
                let note = format!(
                    "a plan carried out: the article reports the event on its day at line {line}"
                );
                d.claim.add_notes([self.strings.intern(&note)]);
            } else if (by_article || d.claim.when.is_none() && d.span.start < at)
                && under_way(first)
            {
                d.claim.modality = Modality::Reported;
                d.claim.when = first_when.clone();
                let note =
                    format!("of the event under way, which the article reports at line {line}");
                d.claim.add_notes([self.strings.intern(&note)]);
            }
            true
        });
    }

    /// Whether an `another-time` cue stands among the two words before the day a draft
    /// states, in the clause of that day ("as earlier on 9 May, she visited Chad", not "had
    /// arrived on 9 May"): the day may be of an event before the article's.
    fn dated_another_time(&self, d: &Draft) -> bool {
        let (
            Some(cue),
            Some(s),
            Some(When::Dated { span: Some(at), .. } | When::Unresolved { span: Some(at), .. }),
        ) = (&self.rules.another_time, d.sentence, &d.claim.when)
        else {
            return false;
        };
        let at = at.range().start;
        let clauses = self.clauses(s);
        let Some(clause) = clauses.iter().find(|c| c.range.contains(&at)) else {
            return false;
        };
        let mut words: Vec<&str> = self.body[clause.range.start..at]
            .split_whitespace()
            .rev()
            .take(2)
            .collect();
        words.reverse();
        cue.is_match(&words.join(" "))
    }

    /// Whether a draft reports its event: a reported claim with a date of its own (not the
    /// day a plan gives of what will happen during it), or whose words say it happened
    /// ("arrived").
    fn reports_its_day(&self, d: &Draft) -> bool {
        !d.claim.is_planned()
            && !d.rests_on(dating::PLAN_DAY_DURING)
            && (matches!(d.claim.when, Some(When::Dated { span: Some(_), .. }))
                || self.says_done(&d.span))
    }

    /// The clause of sentence `sentence` that holds the start of `span`, stretched to
    /// take in all of `span`; `None` outside a sentence or a clause.
    fn own_clause(&self, sentence: Option<usize>, span: &Range<usize>) -> Option<Range<usize>> {
        let clauses = self.clauses(sentence?);
        let own = clauses.iter().find(|c| c.range.contains(&span.start))?;
        Some(own.range.start.min(span.start)..own.range.end.max(span.end))
    }

    /// Whether a `called-off` cue is what plans a draft ("cancelled his planned visit"), or
    /// one that starts in its words calls its plan off ("a planned visit to Chad, which was
    /// called off"): a plan no longer held. A claim another cue plans, or none, is not
    /// ("arrived in Chad as her trip to Niger was postponed").
    fn called_off(&self, d: &Draft) -> bool {
        let (Modality::Planned { cue }, Some(called_off)) =
            (&d.claim.modality, self.rules.called_off.as_ref())
        else {
            return false;
        };
        let end = d
            .sentence
            .map_or(d.span.end, |s| self.sentences[s].end.max(d.span.end));
        called_off.is_match(cue)
            || called_off
                .find_iter(&self.body[d.span.start..end])
                .any(|m| m.start() < d.span.len())
    }

    /// Whether a draft with a day of its own tells its event under way in a clause of the
    /// same time as the one that dates it ("met Mba on Friday, who is on a two-week
    /// visit"): the day is one of the event, perhaps not its first.
    fn under_way_in_same_time(&self, d: &Draft) -> bool {
        let (
            Some(s),
            Some(cue),
            Some(When::Dated {
                span: Some(day), ..
            }),
        ) = (d.sentence, &self.rules.under_way, &d.claim.when)
        else {
            return false;
        };
        let day = day.start as usize..day.end as usize;
        let clauses = self.clauses(s);
        // The clause of the day: the under-way clause itself, or one that goes on with it
        // after an aside, is no other.
        let of_day = clauses.iter().position(|c| c.range.contains(&day.start));
        self.sentences[s].contains(&day.start)
            && clauses.iter().enumerate().any(|(i, c)| {
                c.same_time
                    && overlaps(&c.range, &d.span)
                    && of_day.is_some_and(|j| j != i && clauses[j].resumes != Some(i))
                    && cue.is_match(&self.body[c.range.clone()])
            })
    }

    /// Whether a claim's day is named from "today" (or "yesterday", "tomorrow") in a
    /// quotation: the speaker's day, which may be before the article's. A weekday written
    /// with it tells the day all the same ("tomorrow (Thursday)").
    fn statement_day(&self, claim: &Claim) -> bool {
        let Some(When::Dated {
            span: Some(span), ..
        }) = &claim.when
        else {
            return false;
        };
        let at = span.start as usize;
        if !date::is_bare_deictic(&self.body[at..span.end as usize]) {
            return false;
        }
        self.quoted_in_paragraph(at)
    }

    /// Whether a draft's match or the clause it stands in holds a `done` word ("led a
    /// delegation on a visit"): it tells its event happened.
    fn done_in_clause(&self, d: &Draft) -> bool {
        self.says_done(&d.span)
            || self
                .own_clause(d.sentence, &d.span)
                .is_some_and(|clause| self.says_done(&clause))
    }

    /// Whether the match at `span` holds a `done` word ("arrived"): it reports its event.
    fn says_done(&self, span: &Range<usize>) -> bool {
        self.rules
            .done
            .as_ref()
            .is_some_and(|done| done.is_match(&self.masked[span.clone()]))
    }

    /// Whether a `same-day` cue in `span` tells its event as news of the article's day
    /// ("Lobo arrives in Chad", "has landed").
    fn says_news(&self, span: &Range<usize>) -> bool {
        self.rules
            .same_day
            .as_ref()
            .is_some_and(|news| news.is_match(&self.masked[span.clone()]))
    }

    /// Makes the day a claim's date gives the last of its event, which began up to `n`
    /// days before it (a guess: the event's length is untold); a date the text does not
    /// state, or one not a day, stays as it is.
    fn ended(&self, draft: &mut Draft, n: u32) {
        let Some(When::Dated {
            date,
            how,
            span: Some(_),
        }) = &mut draft.claim.when
        else {
            return;
        };
        if date.precision != Precision::Day {
            return;
        }
        self.reach_back(date, how, u64::from(n), "the event's last day");
        let guess = self.strings.intern(DAY_ENDS);
        draft.claim.confidence = draft.claim.confidence.with(guess);
    }

    /// Dates `when`, the `n`th day of an event, back to the event's first day. A day
    /// without its year is not counted back: it is no longer told.
    fn first_day(&self, when: &mut When, n: u32) {
        let (date, how) = match when {
            When::Dated { date, how, .. } => (date, how),
            When::Unresolved { days, .. } => {
                if n > 1 {
                    *days = None;
                }
                return;
            }
        };
        if date.precision != Precision::Day {
            return;
        }
        let back = Days::new(u64::from(n - 1));
        let (Some(start), Some(end)) = (
            date.start.checked_sub_days(back),
            date.end.checked_sub_days(back),
        ) else {
            return;
        };
        (date.start, date.end) = (start, end);
        *how = self.strings.intern(&format!(
            "{how}; day {n} of the event, counted back to its first"
        ));
    }

    /// Whether sentence `s` is the article's last and ends with no mark that ends a
    /// sentence: a page cut off mid-sentence (an excerpt).
    fn cut_off(&self, s: Option<usize>) -> bool {
        let Some(s) = s else { return false };
        let last = self.body[self.sentences[s].clone()].trim_end();
        s + 1 == self.sentences.len()
            && (ends_in_ellipsis(last)
                || !last.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']))
    }

    /// Whether `range` ends where a page cut off mid-sentence ends (see [`Self::cut_off`]):
    /// its last word may be cut short.
    fn cut_at(&self, s: Option<usize>, range: &Range<usize>) -> bool {
        let rest = self.body[range.end..].trim();
        self.cut_off(s) && (rest.is_empty() || is_ellipsis(rest))
    }

    /// Whether the page cut off mid-sentence ends right after `range` or in a word that
    /// opens a party's name after it (`party-openers`: "a visit to"): the words that would
    /// have named the party may be the ones cut off.
    fn cut_before_party(&self, s: Option<usize>, range: &Range<usize>) -> bool {
        // What follows, but the ellipsis that may mark the cut.
        let word = self.body[range.end..]
            .trim()
            .trim_end_matches(['…', '.'])
            .trim_end();
        self.cut_off(s)
            && (word.is_empty()
                || (self.rules.party_openers.as_ref()).is_some_and(|re| re.is_match(word)))
    }

    /// The entity of `kind` the article's dateline names (or the one it lies in), unless
    /// already taken.
    fn written_in(&self, kind: &str, taken: &[&String]) -> Option<usize> {
        let e = self.entities.as_kind(self.dateline?, kind)?;
        let id = &self.entities.get(e).id;
        (!taken.iter().any(|t| ***t == **id)).then_some(e)
    }

    /// The clauses of sentence `s` (see [`crate::clause`]), cut once per sentence.
    fn clauses(&self, s: usize) -> std::cell::Ref<'_, [Clause]> {
        if !self.clauses.borrow().contains_key(&s) {
            // A comma between two names of one kind ("to Chad, Niger on Monday"), or of a
            // place and the place it lies in ("in N'Djamena, Chad, on Monday"), joins a
            // list; between others ("During her visit to Chad, Lobo will") it ends a
            // clause.
            let in_list = |at: usize| {
                let next = self.mentions.partition_point(|m| m.range.start <= at);
                let gap_is_blank =
                    |gap: Range<usize>| self.body.get(gap).is_some_and(|g| g.trim().is_empty());
                let akin = |a: &Mention, b: &Mention| {
                    let (Some(a), Some(b)) = (a.candidates.first(), b.candidates.first()) else {
                        return false;
                    };
                    let kind = |e: usize| &*self.entities.get(e).kind;
                    self.entities.as_kind(a.entity, kind(b.entity)).is_some()
                        || self.entities.as_kind(b.entity, kind(a.entity)).is_some()
                };
                let before = next
                    .checked_sub(1)
                    .map(|i| &self.mentions[i])
                    .filter(|m| gap_is_blank(m.range.end..at));
                let after = self
                    .mentions
                    .get(next)
                    .filter(|m| gap_is_blank(at + 1..m.range.start));
                before.zip(after).is_some_and(|(a, b)| akin(a, b))
            };
            // A comma inside a date joins its words: "will on Monday, October 16 begin".
            let sentence = self.sentences[s].clone();
            let dates = self.sentence_dates(s);
            let joined = |at: usize| in_list(at) || dates.iter().any(|d| d.contains(&at));
            let openers = clause::Openers {
                closing: self.rules.clause_openers.as_ref(),
                same_time: self.rules.same_time_openers.as_ref(),
                same_tense: self.rules.same_tense_openers.as_ref(),
                predicate: self.rules.predicate_openers.as_ref(),
                reporting: self.rules.reporting.as_ref(),
                reported_after: self.rules.reported_after.as_ref(),
            };
            let cut = clause::clauses(self.body, sentence, openers, joined);
            self.clauses.borrow_mut().insert(s, cut);
        }
        std::cell::Ref::map(self.clauses.borrow(), |all| all[&s].as_slice())
    }

    /// Where the dates of sentence `s` are, as the date grammar finds them in the sentence
    /// alone, in text order: found once per sentence.
    fn sentence_dates(&self, s: usize) -> Rc<[Range<usize>]> {
        if let Some(dates) = self.sentence_dates.borrow().get(&s) {
            return dates.clone();
        }
        let sentence = self.sentences[s].clone();
        let dates: Rc<[Range<usize>]> = self
            .rules
            .date_regex
            .find_iter(&self.body[sentence.clone()])
            .map(|m| sentence.start + m.start()..sentence.start + m.end())
            .collect();
        self.sentence_dates.borrow_mut().insert(s, dates.clone());
        dates
    }

    /// Whether `at` lies in a clause of sentence `s` that `kind` holds of and that `span`
    /// (a claim's match) does not touch: in a closed one, a party named there ("which
    /// followed the summit in Bali", "since Chad closed its border") is another event's.
    fn in_other_clause(
        &self,
        s: usize,
        span: &Range<usize>,
        at: &Range<usize>,
        kind: impl Fn(&Clause) -> bool,
    ) -> bool {
        self.clauses(s).iter().any(|c| {
            kind(c)
                && c.range.start <= at.start
                && at.end <= c.range.end
                && !overlaps(&c.range, span)
        })
    }

    /// Whether the words at `span`, with a date in their clause, tell the time of what
    /// the clauses after them plan ("during Lobo's visit on Monday, they will sign a
    /// deal"): the days they name are to come, though the event may be under way. Not a
    /// day of what happened during it ("met Mba on Tuesday during her visit, and will").
    fn during_plan(&self, sentence: Option<usize>, span: &Range<usize>) -> bool {
        let (Some(s), Some(planned)) = (sentence, &self.rules.planned) else {
            return false;
        };
        let scope = self.sentences[s].clone();
        if self.during_at(scope.start, span).is_none() {
            return false;
        }
        let clauses = self.clauses(s);
        let Some(at) = clauses.iter().position(|c| c.range.contains(&span.start)) else {
            return false;
        };
        let own = &clauses[at];
        // Words that hang on a clause before them that plans nothing tell its time
        // ("invited Mba to Niamey during her visit to Chad in March, and the talks will"):
        // not after a mark, nor after a clause that only reports ("said that during").
        let hangs_on = |before: &Clause| {
            !before.closed
                && !planned.is_match(&self.body[before.range.clone()])
                && !self.body[before.range.start..own.range.start]
                    .trim_end()
                    .ends_with([',', ';', ':', '—', '–', '(', ')'])
        };
        if at.checked_sub(1).is_some_and(|b| hangs_on(&clauses[b])) {
            return false;
        }
        // Up to the clause's end, or its first comma: a comma the clauses join ("in
        // Niamey, Chad's president said Friday") ends the visit's words all the same.
        let end = own.range.end.max(span.end);
        let end = self.body[span.end..end]
            .find(',')
            .map_or(end, |i| span.end + i);
        self.rules.date_regex.is_match(&self.body[span.start..end])
            && planned.is_match(&self.body[end..scope.end.max(end)])
    }

    /// A claim only a `planned-ahead` cue plans ("arrives in Chad on Monday") whose day is
    /// the article's own is news of that day, and one whose stated day is before it ("is
    /// paying a visit to Chad on Tuesday (Sep 5)" in an article of September 6) news of
    /// that day: reported.
    fn news_on_its_day(&self, drafts: &mut [Draft]) {
        let (Some(today), Some(ahead)) = (self.date, &self.rules.planned_ahead) else {
            return;
        };
        if self.date_updated {
            return;
        }
        for draft in drafts {
            if let Modality::Planned { cue } = &draft.claim.modality
                && ahead.is_match(cue)
                && let Some(When::Dated { date, .. }) = &draft.claim.when
                && date.precision == Precision::Day
                && date.start <= today
            {
                draft.claim.modality = Modality::Reported;
            }
        }
    }

    /// A claim no cue plans whose date lies wholly after the article's is of an event to
    /// come all the same ("is visiting Chad on 22-25 March" in an article of 17 March),
    /// unless its words say it happened ("arrived on 18 March": the page's date is its
    /// first version's, or another time zone's).
    fn plan_after_article(&self, drafts: &mut [Draft]) {
        for draft in drafts {
            if draft.claim.modality == Modality::Reported
                && !self.rules.extractors[draft.order].ignore_modality
                && !self.says_done(&draft.span)
                && self.after_article(&draft.claim.when)
            {
                draft.claim.modality = Modality::Planned {
                    cue: self.strings.intern("dated after the article"),
                };
            }
        }
    }

    /// Whether `when` starts after the article's day; both days without their year, when
    /// it comes within a month after it in the same year ("March 5" in an article dated
    /// "March 2"; not "in April", nor "January 5" in one dated "December 30", which may
    /// be last January's, as a dated article would read it).
    fn after_article(&self, when: &Option<When>) -> bool {
        match when {
            Some(When::Dated { date, .. }) => self.date.is_some_and(|today| date.start > today),
            Some(When::Unresolved { days, .. }) => self
                .page_days
                .as_deref()
                .and_then(date::yearless_days)
                .zip(days.as_deref().and_then(date::yearless_days))
                .is_some_and(|((today, _), (start, end))| {
                    start == end && (1..=YEARLESS_AHEAD_DAYS).contains(&(start - today))
                }),
            None => false,
        }
    }

    /// A claim is planned when a planned cue stands in a clause its match touches, or in
    /// a short open clause opening the sentence ("In the future, …"). A cue in another
    /// clause ("a tour that is expected to produce a deal") is that clause's.
    fn modality(&self, sentence: Option<usize>, span: Range<usize>) -> Modality {
        let Some(re) = &self.rules.planned else {
            return Modality::Reported;
        };
        let mut scopes: Vec<Range<usize>> = Vec::new();
        let opening_during = sentence.and_then(|s| {
            let start = self.sentences[s].start;
            self.during_at(start, &span)
                .filter(|&at| self.body[start..at].trim().is_empty())
        });
        match sentence {
            // A match that says the event happened ("arrived in Chad on Monday") is
            // planned by no cue but its own ("will have arrived").
            _ if self.says_done(&span) => scopes.push(span),
            // An event a phrase opening the sentence is during is the one under way, with
            // or without a comma after it: the main clause's cue is of what happens during
            // it ("During her visit to Chad the ministers are expected to agree on …").
            Some(_) if let Some(at) = opening_during => scopes.push(at..span.end),
            Some(s) => {
                let clauses = self.clauses(s);
                scopes.extend(
                    clauses
                        .iter()
                        .filter(|c| {
                            c.range.start < span.end.max(span.start + 1) && span.start < c.range.end
                        })
                        .map(|c| c.range.clone()),
                );
                // A claim in a subject has the tense of its predicate past an aside: "Lobo's
                // visit to Chad, her first since 2010, will be held on May 3".
                if let Some(predicate) =
                    clause::predicate_of_subject(self.body, &clauses, span.start)
                {
                    scopes.push(predicate.range.clone());
                }
                // A claim in a clause of the same time or tense has the tense of the clause
                // it hangs on: "will meet Mba on Friday when she arrives for a visit" plans
                // the visit, as "will hold talks before heading to Mali" plans the trip.
                if let Some(host) = clause::tense_host(&clauses, span.start) {
                    scopes.push(host.range.clone());
                }
                // A short opening clause plans what follows ("Next week, Lobo"), but not a
                // claim in a clause of its own ("The signing will occur during a visit by
                // Lobo": the visit is under way).
                let aside = clauses
                    .iter()
                    .any(|c| c.subordinate && c.range.contains(&span.start));
                if let Some(first) = clauses.first()
                    && first.range.end <= span.start
                    && !first.closed
                    && !aside
                    && self.body[first.range.clone()].split_whitespace().count() <= 5
                {
                    scopes.push(first.range.clone());
                }
                // A plan goes on over the open clauses after its cue that tell no event
                // done: "Lobo will leave for Niamey, the capital, tomorrow, for a two-day
                // visit" (not past a clause of its own: "…, during her visit").
                if let Some(own) = clauses.iter().position(|c| c.range.contains(&span.start))
                    && !clauses[own].closed
                    && !clauses[own].subordinate
                    && !self.says_done(&clauses[own].range)
                {
                    scopes.extend(
                        clauses[..own]
                            .iter()
                            .rev()
                            .take_while(|c| {
                                !c.closed && !c.subordinate && !self.says_done(&c.range)
                            })
                            .map(|c| c.range.clone()),
                    );
                }
            }
            None => scopes.push(span),
        }
        scopes
            .into_iter()
            .find_map(|scope| self.planned_cue(re, scope))
            .map_or(Modality::Reported, |cue| Modality::Planned {
                cue: self.strings.intern(&fold_space(&self.body[cue])),
            })
    }

    /// Where the first cue of `planned` stands in `scope`, if anywhere: searched once per
    /// scope, however many claims it plans.
    fn planned_cue(&self, planned: &regex::Regex, scope: Range<usize>) -> Option<Range<usize>> {
        if let Some(cue) = self.planned_cues.borrow().get(&scope) {
            return cue.clone();
        }
        let cue = planned
            .find(&self.body[scope.clone()])
            .map(|m| scope.start + m.start()..scope.start + m.end());
        self.planned_cues.borrow_mut().insert(scope, cue.clone());
        cue
    }

    fn value(
        &self,
        ty: &CaptureType,
        range: Range<usize>,
        direction: Direction,
        notes: &mut Vec<String>,
        guesses: &mut Vec<String>,
    ) -> Option<Value> {
        let text = &self.body[range.clone()];
        let vt = match ty {
            CaptureType::Value(vt) => *vt,
            CaptureType::Entity { kind, list: false } => {
                return Some(
                    self.entity(kind, range, notes, guesses)
                        .map_or(Value::Mention, |id| Value::Entity(self.strings.intern(&id))),
                );
            }
            CaptureType::Entity { kind, list: true } => {
                return Some(self.entity_list(kind, range).map_or(Value::Mention, |ids| {
                    Value::Entity(self.strings.intern(&ids))
                }));
            }
            CaptureType::Text => return Some(Value::Text(self.strings.intern(&slug(text)))),
        };
        Some(match vt {
            ValueType::Ordinal => Value::Ordinal(ordinal::parse_ordinal(text)?),
            ValueType::Number => Value::Number(number::parse_number(text)?.value),
            ValueType::Duration => Value::Duration(duration::parse_duration(text)?),
            ValueType::DateRange => Value::Duration(duration::Duration::of_days(date::range_days(
                text, self.date, direction,
            )?)),
            ValueType::Quantity => match quantity::misconverted(text, &self.rules.units) {
                // "540 m (870 km)": one of the two figures is misprinted.
                Some(reason) => Value::Unresolved(Box::new(Unresolved {
                    expected: "quantity".into(),
                    text: fold_space(text).into_owned(),
                    reason,
                })),
                None => {
                    Value::Quantity(Box::new(quantity::parse_quantity(text, &self.rules.units)?))
                }
            },
            ValueType::Date | ValueType::WeekdayDate => {
                match self.when(range.clone(), direction, "stated") {
                    When::Dated { date, how, .. } => {
                        if &*how != "stated" {
                            notes.push(how.to_string());
                        }
                        if how.starts_with(dating::SAME_DAY_YEAR) {
                            guesses.push(dating::SAME_DAY_YEAR.to_string());
                        }
                        Value::Date(date)
                    }
                    When::Unresolved { reason, .. } => Value::Unresolved(Box::new(Unresolved {
                        expected: "date".into(),
                        text: fold_space(text).into_owned(),
                        reason,
                    })),
                }
            }
            ValueType::PrintedDate => match printed::parse_printed(text) {
                Ok(printed::Printed::Day(day)) => Value::Date(DateValue::day(day)),
                // A day without its year: read as a date expression, against the article date.
                Ok(printed::Printed::MonthDay { .. }) => {
                    match self.when(range.clone(), direction, "stated") {
                        When::Dated { date, .. } => Value::Date(date),
                        When::Unresolved { reason, .. } => {
                            Value::Unresolved(Box::new(Unresolved {
                                expected: "date".into(),
                                text: fold_space(text).into_owned(),
                                reason,
                            }))
                        }
                    }
                }
                Err(e) => Value::Unresolved(Box::new(Unresolved {
                    expected: "date".into(),
                    text: fold_space(text).into_owned(),
                    reason: e.to_string(),
                })),
            },
            ValueType::Dates => {
                let mut dates = Vec::new();
                for m in self.rules.date_regex.find_iter(text) {
                    let at = range.start + m.start()..range.start + m.end();
                    match self.when(at, direction, "stated") {
                        When::Dated { date, .. } => dates.push(date),
                        When::Unresolved { reason, .. } => {
                            return Some(Value::Unresolved(Box::new(Unresolved {
                                expected: "dates".into(),
                                text: fold_space(text).into_owned(),
                                reason,
                            })));
                        }
                    }
                }
                Value::Dates(dates)
            }
        })
    }
}

/// Where the words of `text` that start with a capital are: runs of letters after a
/// character that is no letter or digit.
fn capitalized_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut after_word = false;
    std::iter::from_fn(move || {
        while let Some((start, c)) = chars.next() {
            let starts = c.is_uppercase() && !after_word;
            after_word = c.is_alphanumeric();
            if !starts {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            return Some(start..end);
        }
        None
    })
}

/// Whether `a` and `b` are dates of two events: a week or more apart.
fn dated_apart(a: &Option<When>, b: &Option<When>) -> bool {
    let (Some(When::Dated { date: a, .. }), Some(When::Dated { date: b, .. })) = (a, b) else {
        return false;
    };
    let week = chrono::Days::new(7);
    a.end + week <= b.start || b.end + week <= a.start
}

/// Whether two claims' dates are the same, wherever they are written.
fn same_when(a: &Option<When>, b: &Option<When>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same_date(b),
        (None, None) => true,
        _ => false,
    }
}

/// A span of the body, placed in the file (offsets and position) when the claim is done.
fn body_span(range: Range<usize>) -> Span {
    Span::new(range, (0, 0), (0, 0))
}

/// Whether ranges `a` and `b` share a byte.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Bytes between two ranges (0 when they touch or overlap).
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Where the first group of `capture` that took part in the match lies.
fn group(caps: &Captures, capture: &Capture) -> Option<Range<usize>> {
    capture
        .groups
        .iter()
        .find_map(|g| caps.get_group_by_name(g))
        .map(|span| span.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_a_week_or_more_apart_are_two_events() {
        let on = |d: u32| {
            let day = NaiveDate::from_ymd_opt(2024, 6, d).unwrap();
            Some(When::Dated {
                date: DateValue::day(day),
                how: "stated".into(),
                span: None,
            })
        };
        assert!(dated_apart(&on(1), &on(8)));
        assert!(dated_apart(&on(8), &on(1)));
        assert!(!dated_apart(&on(1), &on(7)));
        assert!(!dated_apart(&on(1), &None));
    }

    #[test]
    fn capitalized_words_start_after_no_letter_or_digit() {
        let text = "Ana met Élodie in N'Djamena; McLean, 3Com and aBc were not. Über-Mba";
        let words: Vec<&str> = capitalized_words(text).map(|r| &text[r]).collect();
        assert_eq!(
            words,
            ["Ana", "Élodie", "N", "Djamena", "McLean", "Über", "Mba"]
        );
    }

    #[test]
    fn search_units_are_sentences_cut_at_line_ends() {
        let text = "Ana Lobo arrived. Ivo Mba left.\n\nNiamey, Monday.\n";
        let units: Vec<&str> = search_units(text, &sentences(text))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            units,
            ["Ana Lobo arrived. ", "Ivo Mba left.\n", "Niamey, Monday.\n"]
        );
    }
}
