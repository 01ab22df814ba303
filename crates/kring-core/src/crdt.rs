//! The conflict-free replicated state of one record.
//!
//! Every record is a map of named fields. A scalar field is a *register* that keeps the antichain of
//! versions no other version has seen: usually one value, and more than one exactly when writers
//! changed the field concurrently. The current value is the greatest by (stamp, bytes); the others
//! are conflicts the user can see and resolve. A version that a later writer had seen is simply
//! superseded and handed back to the caller for the local history.
//!
//! Multi-valued fields (tags, emails, participants…) are add-wins sets: each element carries the
//! stamps that added it and the stamps of the removals that observed those adds, so an add that a
//! remover had not seen survives the remove.
//!
//! Merge is a join: idempotent, commutative and associative, which the property tests in
//! `tests/merge_properties.rs` check over random replicas and random orders.

use crate::clock::{Stamp, VersionVector};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One value of a field with the stamp of its write and what its writer had seen of the field.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldVersion {
    pub stamp: Stamp,
    /// Canonical JSON of the value (keys sorted), so equal values have equal bytes.
    pub value: Vec<u8>,
    /// The versions of this field the writer had seen when it wrote this one.
    pub seen: VersionVector,
}

impl FieldVersion {
    fn is_superseded_by(&self, other: &FieldVersion) -> bool {
        other.seen.covers(self.stamp)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.value).unwrap_or(serde_json::Value::Null)
    }
}

/// A multi-value register: the versions of one field that no other version has superseded,
/// sorted so that the last one is the current value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    versions: Vec<FieldVersion>,
}

impl Register {
    pub fn current(&self) -> Option<&FieldVersion> {
        self.versions.last()
    }

    /// The values that lost to a concurrent write, in stamp order. Concurrent writes of the same
    /// value as the current one are no conflict for the user and are left out.
    pub fn conflicts(&self) -> Vec<&FieldVersion> {
        let Some(current) = self.current() else {
            return Vec::new();
        };
        self.versions[..self.versions.len() - 1]
            .iter()
            .filter(|v| v.value != current.value)
            .collect()
    }

    pub fn versions(&self) -> &[FieldVersion] {
        &self.versions
    }

    /// A register as the store wrote it: `versions` in the order [`Register::versions`] gave.
    pub(crate) fn from_stored(versions: Vec<FieldVersion>) -> Register {
        Register { versions }
    }

    /// A local write: the writer has seen every version present, so all of them are superseded
    /// (which is also how a conflict is resolved). Returns the superseded versions.
    pub fn write(&mut self, value: Vec<u8>, stamp: Stamp) -> Vec<FieldVersion> {
        let mut seen = VersionVector::default();
        for version in &self.versions {
            seen.join(&version.seen);
            seen.observe(version.stamp);
        }
        let new = FieldVersion { stamp, value, seen };
        std::mem::replace(&mut self.versions, vec![new])
    }

    /// Joins another replica's register into this one. Returns the versions this register held that
    /// are now superseded, so the caller can keep them in history.
    pub fn merge(&mut self, other: &Register) -> Vec<FieldVersion> {
        if other.versions.is_empty() || self.versions == other.versions {
            return Vec::new();
        }
        let mut all: Vec<FieldVersion> = self.versions.clone();
        for version in &other.versions {
            if !all.contains(version) {
                all.push(version.clone());
            }
        }
        let frontier: Vec<FieldVersion> = all
            .iter()
            .filter(|candidate| !all.iter().any(|other| candidate.is_superseded_by(other)))
            .cloned()
            .collect();
        let mut frontier = frontier;
        frontier.sort_by(|a, b| (a.stamp, &a.value, &a.seen).cmp(&(b.stamp, &b.value, &b.seen)));
        let superseded = self
            .versions
            .iter()
            .filter(|v| !frontier.contains(v))
            .cloned()
            .collect();
        self.versions = frontier;
        superseded
    }

    fn stamps(&self) -> impl Iterator<Item = Stamp> + '_ {
        self.versions.iter().map(|v| v.stamp)
    }

    /// The same register with only the versions `keep` accepts (an import's admission).
    pub fn filtered(&self, mut keep: impl FnMut(&FieldVersion) -> bool) -> Register {
        Register {
            versions: self.versions.iter().filter(|v| keep(v)).cloned().collect(),
        }
    }

    /// Whether the register holds exactly this version.
    pub fn holds(&self, version: &FieldVersion) -> bool {
        self.versions.contains(version)
    }

    /// Whether a version stamped `stamp` is one this register has already seen replaced: a
    /// version it holds was written by someone who had seen it, so a join drops it.
    pub fn supersedes(&self, stamp: Stamp) -> bool {
        self.versions.iter().any(|held| held.seen.covers(stamp))
    }

    /// Replaces the value of every version `replace` answers for, keeping its stamp and what its
    /// writer had seen, so that supersession (a pure function of stamps) is unchanged and every
    /// replica that replaces alike holds the same versions (a retention rule clearing a text).
    /// Versions that become equal are one. Returns whether anything changed.
    pub fn replace_values(
        &mut self,
        mut replace: impl FnMut(&FieldVersion) -> Option<Vec<u8>>,
    ) -> bool {
        let mut changed = false;
        for version in &mut self.versions {
            if let Some(value) = replace(version) {
                if value != version.value {
                    version.value = value;
                    changed = true;
                }
            }
        }
        if changed {
            self.versions
                .sort_by(|a, b| (a.stamp, &a.value, &a.seen).cmp(&(b.stamp, &b.value, &b.seen)));
            self.versions.dedup();
        }
        changed
    }
}

/// The adds and observed removals of one element of an add-wins set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElementTags {
    /// Stamps of adds that no removal has observed.
    pub adds: Vec<Stamp>,
    /// (stamp of the add that was removed, stamp of the removal).
    pub removals: Vec<(Stamp, Stamp)>,
}

impl ElementTags {
    pub fn is_present(&self) -> bool {
        !self.adds.is_empty()
    }

    fn normalise(&mut self) {
        self.removals.sort();
        // One removal per add stamp: keep the latest, deterministically.
        let mut kept: Vec<(Stamp, Stamp)> = Vec::with_capacity(self.removals.len());
        for removal in self.removals.drain(..) {
            match kept.last_mut() {
                Some(last) if last.0 == removal.0 => *last = removal,
                _ => kept.push(removal),
            }
        }
        self.removals = kept;
        let removals = &self.removals;
        self.adds
            .retain(|add| removals.binary_search_by(|r| r.0.cmp(add)).is_err());
        self.adds.sort();
        self.adds.dedup();
    }
}

/// One tag of a set's element: an add, or the removal of an add.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetTag {
    Add(Stamp),
    Removal { add: Stamp, by: Stamp },
}

impl SetTag {
    /// The stamp of the write that made the tag: the add's, or the removal's.
    pub fn stamp(self) -> Stamp {
        match self {
            SetTag::Add(stamp) | SetTag::Removal { by: stamp, .. } => stamp,
        }
    }
}

/// An add-wins set keyed by the element's canonical JSON bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddWinsSet {
    elements: BTreeMap<Vec<u8>, ElementTags>,
}

impl AddWinsSet {
    pub fn present(&self) -> impl Iterator<Item = &Vec<u8>> + '_ {
        self.elements
            .iter()
            .filter(|(_, tags)| tags.is_present())
            .map(|(element, _)| element)
    }

    pub fn contains(&self, element: &[u8]) -> bool {
        self.elements
            .get(element)
            .is_some_and(ElementTags::is_present)
    }

    pub fn add(&mut self, element: Vec<u8>, stamp: Stamp) {
        let tags = self.elements.entry(element).or_default();
        tags.adds.push(stamp);
        tags.adds.sort();
    }

    /// Removes the element as far as this replica has seen it. Returns false if it was not present.
    pub fn remove(&mut self, element: &[u8], stamp: Stamp) -> bool {
        let Some(tags) = self.elements.get_mut(element) else {
            return false;
        };
        if tags.adds.is_empty() {
            return false;
        }
        for add in tags.adds.drain(..) {
            tags.removals.push((add, stamp));
        }
        tags.normalise();
        true
    }

    pub fn merge(&mut self, other: &AddWinsSet) -> bool {
        let mut changed = false;
        for (element, theirs) in &other.elements {
            let ours = self.elements.entry(element.clone()).or_default();
            let before = ours.clone();
            ours.adds.extend(theirs.adds.iter().copied());
            ours.removals.extend(theirs.removals.iter().copied());
            ours.normalise();
            changed |= *ours != before;
        }
        changed
    }

    /// Every element with its tags, present or removed.
    /// A set as the store wrote it (from [`AddWinsSet::elements`]).
    pub(crate) fn from_stored(elements: BTreeMap<Vec<u8>, ElementTags>) -> AddWinsSet {
        AddWinsSet { elements }
    }

    pub fn elements(&self) -> impl Iterator<Item = (&Vec<u8>, &ElementTags)> + '_ {
        self.elements.iter()
    }

    /// Whether this set holds `tag` on `element`: an add it has (also one it has since seen
    /// removed), or exactly that removal.
    pub fn holds(&self, element: &[u8], tag: SetTag) -> bool {
        self.elements.get(element).is_some_and(|tags| match tag {
            SetTag::Add(add) => {
                tags.adds.contains(&add) || tags.removals.iter().any(|(seen, _)| *seen == add)
            }
            SetTag::Removal { add, by } => tags.removals.contains(&(add, by)),
        })
    }

    /// The same set with only the adds and removals `keep` accepts (an import's admission):
    /// `keep(element, tag)` is asked for every add and every removal.
    pub fn filtered(&self, mut keep: impl FnMut(&[u8], SetTag) -> bool) -> AddWinsSet {
        let mut elements = BTreeMap::new();
        for (element, tags) in &self.elements {
            let adds: Vec<Stamp> = tags
                .adds
                .iter()
                .copied()
                .filter(|s| keep(element, SetTag::Add(*s)))
                .collect();
            let removals: Vec<(Stamp, Stamp)> = tags
                .removals
                .iter()
                .copied()
                .filter(|(add, by)| keep(element, SetTag::Removal { add: *add, by: *by }))
                .collect();
            if !adds.is_empty() || !removals.is_empty() {
                elements.insert(element.clone(), ElementTags { adds, removals });
            }
        }
        AddWinsSet { elements }
    }

    /// Drops every element, present or removed, that `keep` refuses, with all its tags: as if
    /// it had never been added. Dropping by value commutes with merging (a merge joins the tags
    /// of each element on its own), so replicas that drop alike converge. Returns how many went.
    pub fn retain(&mut self, mut keep: impl FnMut(&[u8]) -> bool) -> usize {
        let before = self.elements.len();
        self.elements.retain(|element, _| keep(element));
        before - self.elements.len()
    }

    fn stamps(&self) -> impl Iterator<Item = Stamp> + '_ {
        self.elements.values().flat_map(|tags| {
            tags.adds
                .iter()
                .copied()
                .chain(tags.removals.iter().map(|(_, removed)| *removed))
        })
    }
}

/// Names of the envelope fields every record has.
pub mod envelope {
    pub const DELETED: &str = "deleted";
    pub const VISIBILITY: &str = "visibility";
    pub const CREATED_AT: &str = "created_at";
    pub const AUTHOR: &str = "author";
}

/// The replicated state of one record of any kind, including kinds this version does not know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordState {
    pub id: uuid::Uuid,
    pub kind: String,
    pub fields: BTreeMap<String, Register>,
    pub sets: BTreeMap<String, AddWinsSet>,
}

/// What a change took away from a record without superseding it (see
/// [`RecordState::taken_since`]).
#[derive(Debug, Default)]
pub(crate) struct Taken {
    versions: Vec<(String, FieldVersion)>,
    elements: Vec<(String, Vec<u8>)>,
}

impl Taken {
    pub(crate) fn is_empty(&self) -> bool {
        self.versions.is_empty() && self.elements.is_empty()
    }
}

/// What joining another replica's record changed.
#[derive(Debug, Default)]
pub struct MergeEffect {
    pub changed: bool,
    /// Versions this replica held that the merge superseded, by field, for the local history.
    pub superseded: Vec<(String, FieldVersion)>,
    /// Fields that hold concurrent versions after the merge and did not before.
    pub new_conflicts: Vec<String>,
}

impl RecordState {
    pub fn new(id: uuid::Uuid, kind: impl Into<String>) -> Self {
        RecordState {
            id,
            kind: kind.into(),
            fields: BTreeMap::new(),
            sets: BTreeMap::new(),
        }
    }

    pub fn current(&self, field: &str) -> Option<serde_json::Value> {
        self.fields
            .get(field)
            .and_then(Register::current)
            .map(FieldVersion::json)
    }

    pub fn current_bytes(&self, field: &str) -> Option<&[u8]> {
        self.fields
            .get(field)
            .and_then(Register::current)
            .map(|v| v.value.as_slice())
    }

    /// Writes a field unless its current value already is this value. A write that changes
    /// nothing writes nothing: it neither settles a conflict the field holds (only a resolve, or
    /// writing another value into that very field, does) nor re-stamps equal concurrent values.
    /// Returns the superseded versions.
    pub fn write(&mut self, field: &str, value: Vec<u8>, stamp: Stamp) -> Vec<FieldVersion> {
        if self.current_bytes(field) == Some(value.as_slice()) {
            return Vec::new();
        }
        self.fields
            .entry(field.to_owned())
            .or_default()
            .write(value, stamp)
    }

    pub fn is_deleted(&self) -> bool {
        let Some(deleted) = self
            .fields
            .get(envelope::DELETED)
            .and_then(Register::current)
        else {
            return false;
        };
        if deleted.value != b"true" {
            return false;
        }
        // An edit stamped after the delete revives the record.
        let latest_edit = self
            .fields
            .iter()
            .filter(|(name, _)| name.as_str() != envelope::DELETED)
            .flat_map(|(_, register)| register.stamps())
            .chain(self.sets.values().flat_map(AddWinsSet::stamps))
            .max();
        latest_edit.is_none_or(|edit| edit < deleted.stamp)
    }

    pub fn stamps(&self) -> impl Iterator<Item = Stamp> + '_ {
        self.fields
            .values()
            .flat_map(Register::stamps)
            .chain(self.sets.values().flat_map(AddWinsSet::stamps))
    }

    pub fn max_stamp(&self) -> Option<Stamp> {
        self.stamps().max()
    }

    /// Whether a field holds concurrent versions with different values (equal concurrent values
    /// are one value, not a conflict).
    pub fn has_conflicts(&self) -> bool {
        self.fields
            .values()
            .any(|register| !register.conflicts().is_empty())
    }

    /// Joins another replica's state of the same record into this one. A field or set the other
    /// side does not carry (a summary projection, say) is left as it is.
    pub fn merge(&mut self, other: &RecordState) -> MergeEffect {
        let mut effect = MergeEffect::default();
        if self.kind != other.kind && other.kind < self.kind {
            // Two kinds under one id can only come from a bug or a forged file; pick one
            // deterministically so replicas still converge.
            self.kind = other.kind.clone();
            effect.changed = true;
        }
        for (name, theirs) in &other.fields {
            let ours = self.fields.entry(name.clone()).or_default();
            let had_conflict = !ours.conflicts().is_empty();
            let before_len = ours.versions.clone();
            let superseded = ours.merge(theirs);
            if ours.versions != before_len {
                effect.changed = true;
            }
            if !had_conflict && !ours.conflicts().is_empty() {
                effect.new_conflicts.push(name.clone());
            }
            effect
                .superseded
                .extend(superseded.into_iter().map(|v| (name.clone(), v)));
        }
        for (name, theirs) in &other.sets {
            effect.changed |= self.sets.entry(name.clone()).or_default().merge(theirs);
        }
        effect
    }

    /// What this state holds that `before` did not: the field versions and set tags a write (or
    /// a merge) added to `before` to make this state. Merged into another state, it applies that
    /// write there (a commit whose record changed after it was read, see `Store::commit`).
    /// What the write took away (a version it superseded, a value a sweep cleared) is not in it:
    /// the merge drops superseded versions by their stamps.
    pub(crate) fn written_since(&self, before: Option<&RecordState>) -> RecordState {
        let Some(before) = before else {
            return self.clone();
        };
        let mut written = RecordState::new(self.id, self.kind.clone());
        for (name, register) in &self.fields {
            let new = match before.fields.get(name) {
                Some(old) => register.filtered(|version| !old.holds(version)),
                None => register.clone(),
            };
            if !new.versions.is_empty() {
                written.fields.insert(name.clone(), new);
            }
        }
        for (name, set) in &self.sets {
            let new = match before.sets.get(name) {
                Some(old) => set.filtered(|element, tag| !old.holds(element, tag)),
                None => set.clone(),
            };
            if !new.elements.is_empty() {
                written.sets.insert(name.clone(), new);
            }
        }
        written
    }

    /// What a change from `before` to this state took away without superseding it: versions it
    /// dropped (a narrowing keeps only the fields the owner shares) or gave another value under
    /// the same stamp (a sweep clearing an expired text), set elements it dropped with all their
    /// tags (a forget). A merge cannot carry these, so a
    /// commit whose record changed after it was read takes them away again (`Store::commit`).
    /// Empty for a write or a merge, which only add or supersede.
    pub(crate) fn taken_since(&self, before: &RecordState) -> Taken {
        // A field or set dropped whole is taken as the versions and elements it held then, not
        // as the name: what another write added to it meanwhile was not dropped (a sweep that
        // emptied a set of participants leaves a participant added since).
        let mut taken = Taken::default();
        for (name, old) in &before.fields {
            let new = self.fields.get(name);
            taken.versions.extend(
                old.versions
                    .iter()
                    .filter(|v| new.is_none_or(|new| !new.holds(v) && !new.supersedes(v.stamp)))
                    .map(|v| (name.clone(), v.clone())),
            );
        }
        for (name, old) in &before.sets {
            let new = self.sets.get(name);
            taken.elements.extend(
                old.elements
                    .keys()
                    .filter(|element| new.is_none_or(|new| !new.elements.contains_key(*element)))
                    .map(|element| (name.clone(), element.clone())),
            );
        }
        taken
    }

    /// Takes away what [`RecordState::taken_since`] found; a field or set left empty goes.
    pub(crate) fn take_away(&mut self, taken: &Taken) {
        for (name, version) in &taken.versions {
            if let Some(register) = self.fields.get_mut(name) {
                register.versions.retain(|held| held != version);
                if register.versions.is_empty() {
                    self.fields.remove(name);
                }
            }
        }
        for (name, element) in &taken.elements {
            if let Some(set) = self.sets.get_mut(name) {
                set.retain(|held| held != element.as_slice());
                if set.elements.is_empty() {
                    self.sets.remove(name);
                }
            }
        }
    }

    /// A copy that keeps only the named fields and sets (the summary projection).
    pub fn project(&self, fields: &[&str], sets: &[&str]) -> RecordState {
        RecordState {
            id: self.id,
            kind: self.kind.clone(),
            fields: self
                .fields
                .iter()
                .filter(|(name, _)| fields.contains(&name.as_str()))
                .map(|(name, register)| (name.clone(), register.clone()))
                .collect(),
            sets: self
                .sets
                .iter()
                .filter(|(name, _)| sets.contains(&name.as_str()))
                .map(|(name, set)| (name.clone(), set.clone()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Hlc, NodeId};

    fn stamp(millis: u64, node: u64) -> Stamp {
        Stamp {
            hlc: Hlc { millis, counter: 0 },
            node: NodeId(node),
        }
    }

    #[test]
    fn a_write_that_saw_the_previous_value_supersedes_it_without_conflict() {
        let mut a = Register::default();
        a.write(b"\"one\"".to_vec(), stamp(1, 1));
        let mut b = a.clone();
        b.write(b"\"two\"".to_vec(), stamp(2, 2));
        let superseded = a.merge(&b);
        assert_eq!(a.current().unwrap().value, b"\"two\"");
        assert!(
            a.conflicts().is_empty(),
            "a causal successor is not a conflict"
        );
        assert_eq!(superseded.len(), 1);
    }

    #[test]
    fn concurrent_writes_keep_the_loser_as_a_conflict() {
        let mut base = Register::default();
        base.write(b"\"zero\"".to_vec(), stamp(1, 1));
        let mut a = base.clone();
        let mut b = base.clone();
        a.write(b"\"a\"".to_vec(), stamp(5, 1));
        b.write(b"\"b\"".to_vec(), stamp(3, 2));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba, "merge is commutative");
        assert_eq!(
            ab.current().unwrap().value,
            b"\"a\"",
            "the later stamp wins"
        );
        assert_eq!(ab.conflicts().len(), 1);
        assert_eq!(ab.conflicts()[0].value, b"\"b\"");
        // Resolving is a local write that has seen both.
        ab.write(b"\"b\"".to_vec(), stamp(9, 1));
        assert!(ab.conflicts().is_empty());
    }

    #[test]
    fn equal_stamps_from_a_duplicated_node_converge_on_the_value_bytes() {
        let mut a = Register::default();
        let mut b = Register::default();
        a.write(b"\"x\"".to_vec(), stamp(5, 1));
        b.write(b"\"y\"".to_vec(), stamp(5, 1));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.current().unwrap().value, b"\"y\"");
    }

    #[test]
    fn an_add_the_remover_had_not_seen_survives_the_remove() {
        let mut a = AddWinsSet::default();
        a.add(b"\"tag\"".to_vec(), stamp(1, 1));
        let mut b = a.clone();
        b.remove(b"\"tag\"", stamp(3, 2));
        a.add(b"\"tag\"".to_vec(), stamp(2, 1));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert!(ab.contains(b"\"tag\""), "add wins over a concurrent remove");
        let mut only_removed = AddWinsSet::default();
        only_removed.add(b"\"x\"".to_vec(), stamp(1, 1));
        let mut remover = only_removed.clone();
        remover.remove(b"\"x\"", stamp(2, 2));
        only_removed.merge(&remover);
        assert!(
            !only_removed.contains(b"\"x\""),
            "an observed add is removed everywhere"
        );
    }

    #[test]
    fn a_delete_is_undone_by_a_later_edit() {
        let mut record = RecordState::new(uuid::Uuid::nil(), "person");
        record.write("display_name", b"\"Jan\"".to_vec(), stamp(1, 1));
        record.write(envelope::DELETED, b"true".to_vec(), stamp(2, 1));
        assert!(record.is_deleted());
        record.write("display_name", b"\"Jan Peeters\"".to_vec(), stamp(3, 2));
        assert!(!record.is_deleted());
    }
}
