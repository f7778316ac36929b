//! Resolving entity captures: names through the gazetteer (spelling variants, places
//! inside countries), pronouns and definite descriptions to their antecedents, lists of
//! entities, and omitted parties inferred from the sentence or the article.

use super::{Context, distance, fold_space};
use crate::gazetteer::Mention;
use crate::people::{Description, OFFICE_HOLDER, ONLY_TITLED};
use crate::sentence::sentence_at;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// How far before a name, in bytes, a `not-subject` cue is looked for: a cue and the titles
/// and names joined to it ("with his counterpart, Prime Minister Ivo Mba, and"), the
/// members a delegation lists (five ministers with their titles).
const CUE_REACH: usize = 320;

/// The most words a phrase opening a sentence may hold, before and after a match in it, for
/// the name after its comma to be the subject it leads into.
const MAX_OPENING_WORDS: usize = 8;

impl Context<'_> {
    /// The entity id a single entity capture denotes: the mention it is (a name of the
    /// rules, or a person the article names with a title), resolved already; else a name
    /// resolved here; else an antecedent.
    pub(super) fn entity(
        &self,
        kind: &str,
        range: Range<usize>,
        notes: &mut Vec<String>,
        guesses: &mut Vec<String>,
    ) -> Option<String> {
        let g = &self.rules.gazetteer;
        let text = &self.body[range.clone()];
        let mention = self.mention_at(&range);
        let candidates = g.lookup(text);
        if mention.is_some() || !candidates.is_empty() {
            let resolved = match mention {
                Some(i) => self.resolved[i],
                None => g.resolve(candidates, range.start, &self.mentions),
            };
            let several: Vec<&str> = mention
                .map(|i| &self.mentions[i].candidates)
                .filter(|c| c.len() > 1 && resolved.is_none())
                .map(|c| {
                    c.iter()
                        .map(|s| &*self.entities.get(s.entity).name)
                        .collect()
                })
                .unwrap_or_default();
            // A name several people share is, as a guess, the one of them named just
            // before ("Prime Minister Lobo plans a visit … Lobo's visit").
            let named_before = mention.and_then(|i| self.shared_named_before(i));
            if let Some((e, how)) = named_before {
                let note = format!(
                    "\"{}\" may be {}; taken as {}, {how}",
                    fold_space(text),
                    several.join(" or "),
                    self.entities.get(e).name
                );
                guesses.push(note.clone());
                notes.push(note);
            }
            let Some(entity) = resolved.or(named_before.map(|(e, _)| e)) else {
                notes.push(if several.is_empty() {
                    format!(
                        "\"{}\" may name several entities; none named before",
                        fold_space(text)
                    )
                } else {
                    format!(
                        "\"{}\" may be {}; left unknown",
                        fold_space(text),
                        several.join(" or ")
                    )
                });
                return None;
            };
            if let Some(d) = self.description_at(range.start) {
                let (e, how) = (self.entities.get(entity), d.how);
                if e.id.starts_with(OFFICE_HOLDER) {
                    notes.push(format!("\"{}\": {how}", fold_space(text)));
                } else {
                    notes.push(format!("\"{}\" is {}, {how}", fold_space(text), e.name));
                }
                if how == ONLY_TITLED {
                    guesses.push(format!("\"{}\" is {}, {how}", fold_space(text), e.name));
                }
            }
            let entity = self.holder_named_before(entity, range.start, notes);
            let entity = self.holder_named_next(entity, range.start, notes, guesses);
            let target = self.entities.as_kind(entity, kind)?;
            let (inner, outer) = (self.entities.get(entity), self.entities.get(target));
            if target != entity && inner.name != outer.name {
                notes.push(format!("{} lies in {}", inner.name, outer.name));
            }
            let e = self.entities.get(target);
            if entity >= g.entities().len() && !e.id.starts_with(OFFICE_HOLDER) {
                notes.push(format!("{} is named with a title in the article", e.name));
            }
            return Some(e.id.to_string());
        }
        let sentence = sentence_at(&self.sentences, range.start);
        let found = self.antecedent(kind, &range, sentence);
        match found {
            Some((entity, how)) => {
                let e = &self.entities.get(entity);
                notes.push(format!("\"{}\" is {}, {how}", fold_space(text), e.name));
                // Named last before as an office of no place, they are a guess here too.
                let last = self.mentions[..self
                    .mentions
                    .partition_point(|m| m.range.end <= range.start)]
                    .iter()
                    .zip(&self.resolved)
                    .rev()
                    .find(|(_, r)| **r == Some(entity));
                if let Some((m, _)) = last
                    && self
                        .description_at(m.range.start)
                        .is_some_and(|d| d.range == m.range && d.how == ONLY_TITLED)
                {
                    guesses.push(format!(
                        "\"{}\" is {}, {ONLY_TITLED}",
                        fold_space(text),
                        e.name
                    ));
                }
                Some(e.id.to_string())
            }
            None => {
                notes.push(format!("\"{}\": no {kind} to refer to", fold_space(text)));
                None
            }
        }
    }

    /// Of the people mention `i` may be (a surname two people named in full share), the one
    /// the mentions before it in its sentence or the one before name, when they name only
    /// one of them; else the one the same name last stood for, and how it was taken.
    fn shared_named_before(&self, i: usize) -> Option<(usize, &'static str)> {
        let mention = &self.mentions[i];
        if mention.candidates.len() < 2 || self.resolved[i].is_some() {
            return None;
        }
        let sentence = sentence_at(&self.sentences, mention.range.start)?;
        let from = self.sentences[sentence.saturating_sub(1)].start;
        let mut named = (0..i)
            .rev()
            .take_while(|&j| self.mentions[j].range.start >= from)
            .filter_map(|j| self.resolved[j])
            .filter(|&e| mention.candidates.iter().any(|c| c.entity == e));
        let near = named.next().filter(|&first| named.all(|e| e == first));
        let text = &self.body[mention.range.clone()];
        near.map(|e| (e, "named so just before")).or_else(|| {
            (0..i)
                .rev()
                .find(|&j| self.body[self.mentions[j].range.clone()] == *text)
                .and_then(|j| self.resolved[j])
                .map(|e| (e, "whom the name stood for before"))
        })
    }

    /// The mention that is exactly `range`, by index.
    fn mention_at(&self, range: &Range<usize>) -> Option<usize> {
        self.mentions
            .binary_search_by_key(&range.start, |m| m.range.start)
            .ok()
            .filter(|&i| self.mentions[i].range == *range)
    }

    /// Whether the text at `range` names an entity itself, rather than referring to one
    /// named elsewhere ("his", "the minister").
    pub(super) fn is_name(&self, range: &Range<usize>) -> bool {
        self.mention_at(range).is_some()
            || !self
                .rules
                .gazetteer
                .lookup(&self.body[range.clone()])
                .is_empty()
    }

    /// Whether the name at `range` is a mention of a part of an entity of `kind` (a city
    /// of a country) rather than of one of that kind.
    pub(super) fn names_part(&self, kind: &str, range: &Range<usize>) -> bool {
        let Ok(i) = self
            .mentions
            .binary_search_by_key(&range.start, |m| m.range.start)
        else {
            return false;
        };
        self.resolved[i].is_some_and(|e| {
            self.entities
                .as_kind(e, kind)
                .is_some_and(|target| target != e)
        })
    }

    /// For an entity that stands for whoever holds an office of a place, described in
    /// `sentence`, the person the article names so around its description (see
    /// [`Self::holder_named_before`] and [`Self::holder_named_next`]); else the entity.
    pub(super) fn holder_described_in(
        &self,
        entity: usize,
        sentence: &Range<usize>,
        notes: &mut Vec<String>,
        guesses: &mut Vec<String>,
    ) -> usize {
        if !self.entities.get(entity).id.starts_with(OFFICE_HOLDER) {
            return entity;
        }
        let first = self
            .mentions
            .partition_point(|m| m.range.start < sentence.start);
        let Some(at) = (first..self.mentions.len())
            .take_while(|&i| self.mentions[i].range.end <= sentence.end)
            .find(|&i| self.resolved[i] == Some(entity))
            .map(|i| self.mentions[i].range.start)
        else {
            return entity;
        };
        let named = self.holder_named_before(entity, at, notes);
        self.holder_named_next(named, at, notes, guesses)
    }

    /// For an entity that stands for whoever holds an office of a place (the article
    /// does not say who), the person of that place the article named last before `at`,
    /// when neither the article nor the rules give them another office; else the entity
    /// itself.
    fn holder_named_before(&self, entity: usize, at: usize, notes: &mut Vec<String>) -> usize {
        let e = self.entities.get(entity);
        let Some(of) = e.home.filter(|_| e.id.starts_with(OFFICE_HOLDER)) else {
            return entity;
        };
        let end = self.mentions.partition_point(|m| m.range.end <= at);
        let named = self.resolved[..end]
            .iter()
            .rev()
            .flatten()
            .find(|&&p| self.entities.get(p).home == Some(of) && self.may_hold(p, entity));
        match named {
            Some(&p) => {
                notes.push(format!(
                    "{} is {}, the last of {} named before",
                    e.name,
                    self.entities.get(p).name,
                    self.entities.get(of).name
                ));
                p
            }
            None => entity,
        }
    }

    /// For an entity that stands for whoever holds an office of a place, named first in
    /// its sentence ("Chad's foreign minister arrived in Niamey on Monday."), the person
    /// the next sentence names first, when the article names them nowhere before, gives
    /// them no other home or office, and the sentence refers to no one before them ("Ana
    /// Lobo and her delegation met …", not "He was received by Ana Lobo", nor one named as
    /// the one met or received, unless one of another home named first met them): a
    /// guess, the way a report names in its second sentence whom its first described.
    fn holder_named_next(
        &self,
        entity: usize,
        at: usize,
        notes: &mut Vec<String>,
        guesses: &mut Vec<String>,
    ) -> usize {
        let e = self.entities.get(entity);
        let Some(of) = e.home.filter(|_| e.id.starts_with(OFFICE_HOLDER)) else {
            return entity;
        };
        let Some(s) = sentence_at(&self.sentences, at) else {
            return entity;
        };
        let Some(next) = self.sentences.get(s + 1) else {
            return entity;
        };
        let is_person =
            |i: usize| self.resolved[i].is_some_and(|p| self.entities.get(p).kind == e.kind);
        let first = self
            .mentions
            .partition_point(|m| m.range.start < self.sentences[s].start);
        let here = self.mentions.partition_point(|m| m.range.start < at);
        if (first..here).any(is_person) {
            return entity;
        }
        let from = self
            .mentions
            .partition_point(|m| m.range.start < next.start);
        let mut people = (from..self.mentions.len())
            .take_while(|&i| self.mentions[i].range.end <= next.end)
            .filter(|&i| is_person(i));
        let Some(mut i) = people.next() else {
            return entity;
        };
        // A person of another home named first is of the side that hosts: the one they
        // met is the guest ("Niger's defence minister met General Ivo Mba").
        let of_host = |i: usize| {
            self.resolved[i]
                .and_then(|p| self.entities.get(p).home)
                .is_some_and(|h| h != of)
        };
        let hosted = of_host(i);
        if hosted {
            match people.next() {
                Some(guest) => i = guest,
                None => return entity,
            }
        }
        let Some(p) = self.resolved[i] else {
            return entity;
        };
        let lead = self.body[next.start..self.mentions[i].range.start].to_lowercase();
        let refers = lead.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "he" | "she" | "him" | "her" | "his" | "they" | "them" | "their"
            )
        });
        let object = self.is_object(next, self.mentions[i].range.start);
        let named_before = self.resolved[..here].contains(&Some(p));
        let home = self.entities.get(p).home;
        if refers
            || object && !hosted
            || named_before
            || home.is_some_and(|h| h != of)
            || !self.may_hold(p, entity)
        {
            return entity;
        }
        let how = if hosted {
            "the one the next sentence has met by one of another home"
        } else {
            "named first in the next sentence"
        };
        let guess = format!("{} is {}, {how}", e.name, self.entities.get(p).name);
        notes.push(guess.clone());
        guesses.push(guess);
        p
    }

    /// Whether person `p` may be the holder `entity` stands for: another person, no
    /// holder of an office unnamed, titled with no office in the article, and given none
    /// other by the rules or the article.
    fn may_hold(&self, p: usize, entity: usize) -> bool {
        let e = self.entities.get(entity);
        let office = e.id.rsplit('.').next().unwrap_or_default();
        // Another office the rules or the article give them ("Ana Lobo, Crown Prince of
        // Chad"): whoever holds this one is someone else.
        let holds_another = self.rules.people.as_ref().is_some_and(|people| {
            let other = |o: usize| people.offices[o].id != office;
            people
                .terms
                .iter()
                .any(|t| t.holder == p && other(t.office))
                || self
                    .holdings
                    .iter()
                    .any(|h| h.person == p && other(h.office))
        });
        p != entity
            && self.entities.get(p).kind == e.kind
            && !self.entities.get(p).id.starts_with(OFFICE_HOLDER)
            && self.officials.binary_search(&p).is_err()
            && !holds_another
    }

    /// The first mention in `scope` that may be several entities of `kind` and is none
    /// of them ("Vasquez" of two people so named), in words.
    pub(super) fn ambiguous_in(&self, kind: &str, scope: &Range<usize>) -> Option<String> {
        let first = self
            .mentions
            .partition_point(|m| m.range.start < scope.start);
        (first..self.mentions.len())
            .take_while(|&i| self.mentions[i].range.end <= scope.end)
            .find(|&i| {
                let m = &self.mentions[i];
                self.resolved[i].is_none()
                    && m.candidates.len() > 1
                    && m.candidates
                        .iter()
                        .all(|c| self.entities.as_kind(c.entity, kind).is_some())
            })
            .map(|i| {
                let m = &self.mentions[i];
                let names: Vec<&str> = m
                    .candidates
                    .iter()
                    .map(|c| &*self.entities.get(c.entity).name)
                    .collect();
                format!(
                    "\"{}\" may be {}; left unknown",
                    fold_space(&self.body[m.range.clone()]),
                    names.join(" or ")
                )
            })
    }

    /// The entity an anaphor refers to, and in words how it was found. A definite
    /// description ("the general") refers back: the last entity of the kind named before
    /// it, else the nearest after it in the sentence. A pronoun ("his") takes the nearest in
    /// the sentence, before or after, outside the clauses set aside from its own (a subject
    /// pronoun of a main clause takes a subject before it, in its sentence or an earlier
    /// one, first), else the last named before; either way never a name
    /// a `not-subject` cue makes the one met or invited ("met Ivo Mba during his visit")
    /// unless a `subject-after` cue makes it the subject again ("met Ivo Mba, who was on
    /// his visit"), and inside a quotation never a name outside it (the speaker would say
    /// "my").
    pub(super) fn antecedent(
        &self,
        kind: &str,
        at: &Range<usize>,
        sentence: Option<usize>,
    ) -> Option<(usize, &'static str)> {
        if self.is_definite(kind, at) {
            return self.refer_back(kind, at, sentence, None);
        }
        let scope = sentence.map(|s| self.sentences[s].clone());
        let quote = self.quotation_at(at.start);
        // A name the cues make the one met is no antecedent, unless it opens the clause
        // the pronoun is in ("met Ivo Mba, who was on his first visit").
        let subject = |m: &Range<usize>| {
            let own = sentence_at(&self.sentences, m.start).map(|s| self.sentences[s].clone());
            !own.is_some_and(|own| self.is_object(&own, m.start)) || self.opens_clause(m.end)
        };
        let eligible = |m: &Range<usize>| {
            quote
                .as_ref()
                .is_none_or(|q| q.start <= m.start && m.end <= q.end)
                && subject(m)
        };
        // A subject pronoun stands for its sentence's subject ("Lobo held talks with Mba,
        // a day after she arrived"), or for the name that opens its clause ("met Mba, who
        // said he would come").
        let is_subject_pronoun = self
            .rules
            .kinds
            .get(kind)
            .and_then(|k| k.subject_anaphora.as_ref())
            .is_some_and(|re| matches_whole(re, &self.body[at.clone()]));
        // The subject of a stretch of text: the name that opens the last clause a cue
        // opens, else the first name.
        let subject_in = |range: Range<usize>| {
            let names: Vec<(Range<usize>, usize)> = self
                .mentions_in(&range)
                .filter_map(|(m, e)| Some((m.range.clone(), self.entities.as_kind(e, kind)?)))
                .filter(|(m, _)| eligible(m))
                .collect();
            names
                .iter()
                .rev()
                .find(|(m, _)| self.opens_clause(m.end))
                .or(names.first())
                .map(|&(_, e)| e)
        };
        let subject_before = scope
            .as_ref()
            .filter(|_| is_subject_pronoun)
            .and_then(|scope| subject_in(scope.start..at.start));
        // A name in a subordinate clause the pronoun is not in ("Lobo, who met Ivo Mba,
        // hailed his visit") is its antecedent only when the sentence has no other; and a
        // name after the pronoun in such a clause never is ("her second trip, having first
        // come for Ivo Mba's inauguration"). A name after it in the open clauses may be
        // ("During his visit, Ivo Mba met").
        let clauses = sentence.map_or_else(Vec::new, |s| self.clauses(s).to_vec());
        let aside = |m: &Range<usize>| {
            clauses.iter().any(|c| {
                c.subordinate && c.range.contains(&m.start) && !c.range.contains(&at.start)
            })
        };
        let in_sentence = |before_only: bool| {
            let scope = scope.as_ref()?;
            // The speaker of a report after it may be named ahead: "It was the second
            // time he had come, Ivo Mba said"; not in the pronoun's own clause ("He hailed
            // his visit and said he would host Ivo Mba").
            let reporting = |m: &Range<usize>| {
                clauses.iter().any(|c| {
                    c.closed
                        && !c.subordinate
                        && c.range.contains(&m.start)
                        && !c.range.contains(&at.start)
                })
            };
            let placed = |m: &Range<usize>| !before_only || m.start < at.start || reporting(m);
            // Not when the report names others before them: "talks between Mba and Lobo
            // during her visit, Sani said" is no visit of the speaker's.
            let speaker_of_others = |m: &Range<usize>| {
                m.start > at.start
                    && reporting(m)
                    && self.mentions_in(scope).any(|(o, e)| {
                        o.range.end <= at.start && self.entities.as_kind(e, kind).is_some()
                    })
            };
            // A name after the pronoun stands for it only where none stands before it
            // ("During his visit, Ivo Mba met", not "Lobo visited Niamey, her first visit
            // since a flood drove Ivo Mba out"), or right after it, titles between ("Her
            // Excellency President Ana Lobo").
            let named_before = self
                .nearest_in(
                    kind,
                    scope,
                    at,
                    |m| eligible(m) && m.start < at.start,
                    |_| true,
                )
                .is_some();
            let titled = |m: &Range<usize>| {
                (self.body.get(at.end..m.start)).is_some_and(|gap| {
                    gap.split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                })
            };
            let open = |m: &Range<usize>| {
                eligible(m)
                    && placed(m)
                    && !aside(m)
                    && !speaker_of_others(m)
                    && (m.start < at.start || !named_before || titled(m))
            };
            let before_or_open = |m: &Range<usize>| {
                eligible(m)
                    && placed(m)
                    && !speaker_of_others(m)
                    && (m.start < at.start || !aside(m))
            };
            self.nearest_in(kind, scope, at, open, |_| true)
                .or_else(|| self.nearest_in(kind, scope, at, before_or_open, |_| true))
        };
        // A subject pronoun of a main clause goes on with a subject named before it, in its
        // sentence or an earlier one, rather than a name after it ("Earlier, he visited
        // Chad for Ivo Mba's inauguration"); one in a clause set before the main clause
        // may name its subject ahead ("When he arrived, Ivo Mba said"). One that opens a
        // clause of its own is its subject too ("On the first day, she will meet Ivo Mba").
        let main_subject = is_subject_pronoun
            && !clauses
                .iter()
                .any(|c| c.subordinate && c.range.contains(&at.start) && c.range.start != at.start);
        // Inside a quotation, the names before it in the sentence are the speaker's side.
        let from = match (&quote, &scope) {
            (Some(_), Some(scope)) => scope.start,
            _ => at.start,
        };
        // A subject pronoun that opens its sentence goes on with the subject of the last
        // sentence that names one ("Lobo paid respects to the late King Mba. She then
        // flew on"), not with whoever was named last. A sentence that opens with a pronoun
        // goes on with the same subject ("She was welcomed by Ivo Mba", "His first trip was
        // to Chad"): the search goes on before it.
        let opens_with_pronoun = |s: &Range<usize>| {
            let pronoun = self.rules.kinds.get(kind).and_then(|k| k.anaphora.as_ref());
            let text = self.body[s.clone()].trim_start();
            pronoun
                .and_then(|re| re.find(text))
                .is_some_and(|m| m.start() == 0)
        };
        let subject_earlier = || {
            let own = sentence?;
            self.sentences[..own]
                .iter()
                .rev()
                .filter(|_| is_subject_pronoun)
                .find_map(|s| (!opens_with_pronoun(s)).then(|| subject_in(s.clone()))?)
        };
        subject_before
            .map(|e| (e, "the subject of the sentence"))
            .or_else(|| {
                let pronoun = self
                    .subject_pronoun_of(kind, scope.as_ref()?, at)
                    .filter(|_| !is_subject_pronoun)?;
                let (e, _) = self.antecedent(kind, &pronoun, sentence)?;
                Some((e, "the one its clause's subject pronoun stands for"))
            })
            .or_else(|| in_sentence(main_subject).map(|e| (e, "the nearest in the sentence")))
            .or_else(|| {
                subject_earlier().map(|e| (e, "the subject of the last sentence naming one"))
            })
            .or_else(|| {
                in_sentence(false)
                    .filter(|_| main_subject)
                    .map(|e| (e, "the nearest in the sentence"))
            })
            .or_else(|| {
                self.last_before(kind, from, subject, |_| true)
                    .map(|e| (e, "the last named before"))
            })
    }

    /// The entity a pronoun refers to when it names the one a match at the end of `scope`
    /// is about: a pronoun right before the match ("concluded his two-day visit"), or a
    /// subject pronoun after every name of `kind` in `scope` ("talks with Mba, a day
    /// after she arrived on a three-day visit" names the visitor by "she", not by the
    /// nearer Mba).
    pub(super) fn subject_by_pronoun(&self, kind: &str, scope: &Range<usize>) -> Option<usize> {
        let k = self.rules.kinds.get(kind)?;
        let text = &self.body[scope.clone()];
        let at = |m: regex::Match| (scope.start + m.start())..(scope.start + m.end());
        let adjacent = k.anaphora.as_ref().and_then(|re| {
            re.find_iter(text)
                .last()
                .filter(|m| text[m.end()..].trim().is_empty())
                .map(at)
        });
        // Not one who speaks of another's event ("He said the two governments hope the
        // two-day visit will yield deals").
        let subject = || {
            k.subject_anaphora
                .as_ref()
                .and_then(|re| re.find_iter(text).last().map(at))
                .filter(|p| !self.speaks_of_another(p.end, scope.end))
        };
        let pronoun = adjacent.or_else(subject)?;
        let named_after = self
            .mentions_in(&(pronoun.end..scope.end))
            .any(|(_, e)| self.entities.as_kind(e, kind).is_some());
        if named_after {
            return None;
        }
        self.antecedent(kind, &pronoun, sentence_at(&self.sentences, pronoun.start))
            .map(|(e, _)| e)
    }

    /// The subject pronoun a possessive at `at` goes with: one before it in its clause with
    /// no name of `kind` between ("she will make her first visit"), or the one of the main
    /// clause that a phrase opening `sentence` and holding it leads into ("On the first day
    /// of his visit, he will speak"). The possessive stands for whom that pronoun does.
    fn subject_pronoun_of(
        &self,
        kind: &str,
        sentence: &Range<usize>,
        at: &Range<usize>,
    ) -> Option<Range<usize>> {
        let subject = self.rules.kinds.get(kind)?.subject_anaphora.as_ref()?;
        let before = &self.body[sentence.start..at.start];
        let clause_start = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
        if let Some(m) = subject.find_iter(&before[clause_start..]).last() {
            let pronoun =
                sentence.start + clause_start + m.start()..sentence.start + clause_start + m.end();
            let named_between = self
                .mentions_in(&(pronoun.end..at.start))
                .any(|(_, e)| self.entities.as_kind(e, kind).is_some());
            return (!named_between).then_some(pronoun);
        }
        let comma = at.end + self.body[at.end..sentence.end].find(',')?;
        let opening = &self.body[sentence.start..comma];
        if opening.contains([',', ';', ':'])
            || opening.split_whitespace().count() > MAX_OPENING_WORDS
        {
            return None;
        }
        let rest = &self.body[comma + 1..sentence.end];
        let start = comma + 1 + (rest.len() - rest.trim_start().len());
        let m = subject
            .find(&self.body[start..sentence.end])
            .filter(|m| m.start() == 0)?;
        Some(start..start + m.end())
    }

    /// The subject of the main clause that a phrase opening its sentence leads into, when
    /// the phrase ends at `at`'s comma: the first name of `kind` after it, with only
    /// capitalized words (titles) between ("During the two-day visit, Minister Ivo Mba
    /// met"); none when a reporting word follows the name ("The visit, Mba said, went
    /// well": the speaker).
    pub(super) fn subject_led_into(
        &self,
        kind: &str,
        sentence: &Range<usize>,
        at: usize,
    ) -> Option<usize> {
        let opening = &self.body[sentence.start..at];
        if opening.contains(',') || opening.split_whitespace().count() > MAX_OPENING_WORDS {
            return None;
        }
        let rest = at..sentence.end;
        let (name, e) = self
            .mentions_in(&rest)
            .find_map(|(m, e)| Some((m.range.clone(), self.entities.as_kind(e, kind)?)))?;
        let (phrase, lead) = self.body[at..name.start].split_once(',')?;
        let titles = lead
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        let reported = self
            .rules
            .reporting
            .as_ref()
            .and_then(|re| re.find(&self.body[name.end..sentence.end]))
            .is_some_and(|r| self.body[name.end..name.end + r.start()].trim().is_empty());
        let words = phrase.split_whitespace().count();
        (titles && !reported && words <= MAX_OPENING_WORDS && !phrase.contains([';', ':']))
            .then_some(e)
    }

    /// Whether the text at `at` is a definite description of `kind` ("the country"):
    /// matched, as extractor patterns are, on the text with mentions masked, for a
    /// description may name kinds ("the {country} general").
    fn is_definite(&self, kind: &str, at: &Range<usize>) -> bool {
        let definite = self.rules.kinds.get(kind).and_then(|k| k.definite.as_ref());
        definite.is_some_and(|re| matches_whole(re, &self.masked[at.clone()]))
    }

    /// What a definite description at `at` refers back to: the last entity of `kind`
    /// named before it, else the nearest after it in the sentence, else the one of the
    /// article's dateline ("the country" in a report from its capital); never `avoid`.
    fn refer_back(
        &self,
        kind: &str,
        at: &Range<usize>,
        sentence: Option<usize>,
        avoid: Option<usize>,
    ) -> Option<(usize, &'static str)> {
        let other = |e: usize| Some(e) != avoid;
        let before = self.last_before(kind, at.start, |_| true, other);
        let in_sentence = || {
            let scope = &self.sentences[sentence?];
            self.nearest_in(kind, scope, at, |_| true, other)
        };
        let written_in = || self.written_in(kind, &[]).filter(|&e| other(e));
        before
            .map(|e| (e, "the last named before"))
            .or_else(|| in_sentence().map(|e| (e, "the nearest in the sentence")))
            .or_else(|| written_in().map(|e| (e, "where the article was written")))
    }

    /// The entity a definite description at `range` ("the country") refers back to when
    /// it may not be `avoid` (the home of the party it must differ from: "her first visit
    /// to the country" after "a Chadian leader" is no visit to her own Chad), with in
    /// words how it was found; `None` if `range` is no definite description.
    pub(super) fn description_other_than(
        &self,
        kind: &str,
        range: &Range<usize>,
        avoid: usize,
    ) -> Option<(usize, &'static str)> {
        if !self.is_definite(kind, range) {
            return None;
        }
        let sentence = sentence_at(&self.sentences, range.start);
        self.refer_back(kind, range, sentence, Some(avoid))
    }

    /// The entity of `kind` other than those `other` refuses, named last before byte `at`
    /// by a mention `keep` accepts.
    fn last_before(
        &self,
        kind: &str,
        at: usize,
        keep: impl Fn(&Range<usize>) -> bool,
        other: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.range.end <= at);
        // The kind first: `keep` may look at the text around the mention.
        (0..end)
            .rev()
            .flat_map(|i| self.named(i).map(move |e| (i, e)))
            .filter_map(|(i, e)| Some((i, self.entities.as_kind(e, kind)?)))
            .find(|&(i, e)| other(e) && keep(&self.mentions[i].range))
            .map(|(_, e)| e)
    }

    /// The description of an office's holder that starts at byte `at`, if any.
    fn description_at(&self, at: usize) -> Option<&Description> {
        self.descriptions
            .binary_search_by_key(&at, |d| d.range.start)
            .ok()
            .map(|i| &self.descriptions[i])
    }

    /// The entities mention `i` names: the one it resolves to, and for a description of
    /// an office's holder ("the president of Chad") the place whose office it is too.
    fn named(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let of = self
            .description_at(self.mentions[i].range.start)
            .filter(|d| d.range == self.mentions[i].range)
            .and_then(|d| d.of);
        self.resolved[i].into_iter().chain(of)
    }

    /// How many entities of `kind` sentence `s` names, each once.
    pub(super) fn kinds_in(&self, kind: &str, s: Option<usize>) -> usize {
        let Some(s) = s else {
            return 0;
        };
        let mut found: Vec<usize> = self
            .mentions_in(&self.sentences[s])
            .filter_map(|(_, e)| self.entities.as_kind(e, kind))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.len()
    }

    /// The entities a list capture names, as sorted ids joined with `+`.
    pub(super) fn entity_list(&self, kind: &str, range: Range<usize>) -> Option<String> {
        let mut ids: Vec<&str> = self
            .mentions_in(&range)
            .filter_map(|(_, e)| self.entities.as_kind(e, kind))
            .map(|e| &*self.entities.get(e).id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        (!ids.is_empty()).then(|| ids.join("+"))
    }

    /// The one entity of `kind` but `other` that `scope` names, when it names exactly one
    /// and that one is not at home in `home`: whom a pronoun stands for when `other`, the
    /// nearest, cannot be meant ("Mba of Niger will meet Lobo during his visit to Niger").
    /// One who reports ("Lobo said", "said Lobo") is no party but its speaker, and one
    /// named after the word referring back at `at`, in a subordinate clause it is not in,
    /// is none either ("his second visit comes a month after Chad's king said").
    pub(super) fn sole_other(
        &self,
        kind: &str,
        sentence: usize,
        at: &Range<usize>,
        other: usize,
        home: usize,
    ) -> Option<usize> {
        let scope = &self.sentences[sentence];
        let clauses = self.clauses(sentence);
        let aside = |m: &Range<usize>| {
            m.start > at.start
                && clauses.iter().any(|c| {
                    c.subordinate && c.range.contains(&m.start) && !c.range.contains(&at.start)
                })
        };
        let reporting = self.rules.reporting.as_ref();
        let speaks = |m: &Range<usize>| {
            let after = self.body[m.end..scope.end].trim_start_matches([' ', ',']);
            let before = self.body[scope.start..m.start].trim_end_matches([' ', ',']);
            reporting.is_some_and(|re| {
                re.find(after).is_some_and(|r| r.start() == 0)
                    || re.find_iter(before).last().is_some_and(|r| {
                        // A title may stand between: "said spokesman Ivo Mba".
                        let between = &before[r.end()..];
                        !between.contains([',', ';']) && between.split_whitespace().count() <= 3
                    })
            })
        };
        let mut others: Vec<usize> = self
            .mentions_in(scope)
            .filter_map(|(m, e)| Some((m, self.entities.as_kind(e, kind)?)))
            .filter(|&(m, e)| e != other && !speaks(&m.range) && !aside(&m.range))
            .map(|(_, e)| e)
            .collect();
        others.sort_unstable();
        others.dedup();
        match others.as_slice() {
            [only] if self.entities.get(*only).home != Some(home) => Some(*only),
            _ => None,
        }
    }

    /// The mentions inside `range`, each with every entity it names.
    pub(super) fn mentions_in<'s>(
        &'s self,
        range: &'s Range<usize>,
    ) -> impl Iterator<Item = (&'s Mention, usize)> + 's {
        let first = self
            .mentions
            .partition_point(|m| m.range.start < range.start);
        (first..self.mentions.len())
            .take_while(move |&i| self.mentions[i].range.end <= range.end)
            .flat_map(move |i| self.named(i).map(move |e| (&self.mentions[i], e)))
    }

    /// The entity of `kind` other than those `other` refuses, mentioned nearest to `at`
    /// inside `scope` by a mention `keep` accepts.
    fn nearest_in(
        &self,
        kind: &str,
        scope: &Range<usize>,
        at: &Range<usize>,
        keep: impl Fn(&Range<usize>) -> bool,
        other: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.mentions_in(scope)
            .filter_map(|(m, e)| Some((m, self.entities.as_kind(e, kind)?)))
            .filter(|&(m, e)| m.range != *at && other(e) && keep(&m.range))
            .min_by_key(|(m, _)| distance(&m.range, at))
            .map(|(_, e)| e)
    }

    /// Whether the mention at `at` is an item of a list of names of `kind` ("a tour of
    /// Mali, Niger and Togo"): one of several, it says which no better than the others. A
    /// place beside the country it lies in ("Lomé, Togo") is one place, no list.
    pub(super) fn listed(&self, kind: &str, at: &Range<usize>) -> bool {
        let i = self.mentions.partition_point(|m| m.range.start < at.start);
        let own: Vec<usize> = self
            .named(i)
            .filter_map(|e| self.entities.as_kind(e, kind))
            .collect();
        let of_kind = |j: usize| {
            self.named(j)
                .filter_map(|e| self.entities.as_kind(e, kind))
                .any(|e| !own.contains(&e))
        };
        let joined = |gap: Range<usize>| {
            self.body.get(gap).is_some_and(|g| {
                let g = g.trim();
                let g = g.strip_suffix(" the").unwrap_or(g);
                matches!(g, "," | "and" | "or" | ", and" | ", or")
            })
        };
        let before = i > 0 && of_kind(i - 1) && joined(self.mentions[i - 1].range.end..at.start);
        let after = self
            .mentions
            .get(i + 1)
            .is_some_and(|next| of_kind(i + 1) && joined(at.end..next.range.start));
        before || after
    }

    /// Up to `count` distinct entities of `kind` in `scope`, nearest to `at` first, skipping
    /// ids already taken and mentions `keep` refuses.
    pub(super) fn nearest_n(
        &self,
        kind: &str,
        count: usize,
        scope: &Range<usize>,
        at: &Range<usize>,
        taken: &[&String],
        keep: impl Fn(&Range<usize>) -> bool,
    ) -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = self
            .mentions_in(scope)
            .filter_map(|(m, e)| Some((m, self.entities.as_kind(e, kind)?)))
            .filter(|(_, e)| !taken.iter().any(|t| ***t == *self.entities.get(*e).id))
            .filter(|(m, _)| keep(&m.range))
            .map(|(m, e)| (distance(&m.range, at), e))
            .collect();
        found.sort_unstable();
        let mut out = Vec::new();
        for (_, e) in found {
            if out.len() < count && !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    /// Whether a `not-subject` cue stands right before `at` in `scope` ("met Ivo Mba", "at
    /// the invitation of Ivo Mba"): the name there is no subject. A cue is looked for in
    /// the [`CUE_REACH`] bytes before the name.
    pub(super) fn is_object(&self, scope: &Range<usize>, at: usize) -> bool {
        let Some(cue) = &self.rules.not_subject else {
            return false;
        };
        let mut from = scope.start.max(at.saturating_sub(CUE_REACH));
        while !self.body.is_char_boundary(from) {
            from += 1;
        }
        cue.is_match(&self.body[from..at])
    }

    /// Whether a `subject-after` cue follows byte `at` ("Ivo Mba, who was"): the name
    /// before it is the subject of the clause the cue opens.
    pub(super) fn opens_clause(&self, at: usize) -> bool {
        self.rules
            .subject_after
            .as_ref()
            .is_some_and(|cue| cue.is_match(&self.body[at..]))
    }

    /// Whether a `speaker-after` cue follows byte `at` ("Ivo Mba said the government
    /// had") and the report's own subject starts before `claim`: the name before it
    /// speaks of the claim's event, and is not its subject.
    pub(super) fn speaks_of_another(&self, at: usize, claim: usize) -> bool {
        self.rules
            .speaker_after
            .as_ref()
            .and_then(|cue| cue.find(self.body.get(at..claim)?))
            .is_some_and(|m| {
                // The report's subject: a word at least before the claim's words.
                let rest = &self.body[at + m.end()..claim];
                rest.split_whitespace().count() >= 2
            })
    }

    /// Whether `scope` names `entity` (as a `kind`) right after a `not-subject` cue: as the
    /// one met, invited or called a counterpart.
    pub(super) fn named_as_object(&self, kind: &str, scope: &Range<usize>, entity: usize) -> bool {
        self.mentions_in(scope).any(|(m, e)| {
            self.entities.as_kind(e, kind) == Some(entity) && self.is_object(scope, m.range.start)
        })
    }

    /// The place other than `home` that a sentence's opening words describe its subject
    /// as of, when the sentence names `home` after it as the place of what it tells: "The
    /// Nigerien statesman arrived in the Chadian capital" (Niger, for Chad). The place is
    /// named first, after an article and before a word in lower case.
    pub(super) fn subject_from_elsewhere(
        &self,
        sentence: &Range<usize>,
        home: usize,
    ) -> Option<usize> {
        let kind = &self.entities.get(home).kind;
        let mut mentions = self.mentions_in(sentence);
        let (first, e) = mentions.next()?;
        let opening = self.body[sentence.start..first.range.start].trim();
        let next = &self.body[first.range.end..sentence.end];
        let described = matches!(opening, "The" | "A" | "An")
            && next.starts_with(' ')
            && next.trim_start().starts_with(char::is_lowercase);
        let place = self
            .entities
            .as_kind(e, kind)
            .filter(|&p| described && p != home)?;
        mentions
            .any(|(_, e)| self.entities.as_kind(e, kind) == Some(home))
            .then_some(place)
    }

    /// The `count` entities of `kind` the article mentions most (ties: first mentioned),
    /// skipping ids already taken by other slots and those in `found`; and whether the
    /// choice is clear: each one chosen is mentioned more often than the next in line.
    pub(super) fn topic(
        &self,
        kind: &str,
        count: usize,
        taken: &[&String],
        found: &[usize],
    ) -> (Vec<usize>, bool) {
        let mut cache = self.topics.borrow_mut();
        let ranking = cache.entry(kind.to_string()).or_insert_with(|| {
            // (mentions, first mention) of each entity: counted once per article and kind.
            let mut tally: HashMap<usize, (usize, usize)> = HashMap::default();
            for i in 0..self.mentions.len() {
                // Other stories' headlines say nothing of what the article is about.
                let start = self.mentions[i].range.start;
                if self.listings.iter().any(|l| l.contains(&start)) {
                    continue;
                }
                for e in self.named(i).filter_map(|e| self.entities.as_kind(e, kind)) {
                    tally.entry(e).or_insert((0, i)).0 += 1;
                }
            }
            let mut ranking: Vec<(usize, usize, usize)> = tally
                .into_iter()
                .map(|(e, (n, first))| (e, n, first))
                .collect();
            ranking.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            ranking.into_iter().map(|(e, n, _)| (e, n)).collect()
        });
        let mut candidates = ranking.iter().copied().filter(|&(e, _)| {
            !found.contains(&e) && !taken.iter().any(|t| ***t == *self.entities.get(e).id)
        });
        let chosen: Vec<(usize, usize)> = candidates.by_ref().take(count).collect();
        let clear = match (chosen.last(), candidates.next()) {
            (Some(&(_, last)), Some((_, next))) => last > next,
            _ => true,
        };
        (chosen.into_iter().map(|(e, _)| e).collect(), clear)
    }
}

/// Whether `re`'s first match in `text` is the whole of it.
fn matches_whole(re: &regex::Regex, text: &str) -> bool {
    re.find(text).is_some_and(|m| m.len() == text.len())
}
