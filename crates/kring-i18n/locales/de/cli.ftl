cards-none-yet = Noch keine Karten. Fügen Sie eine mit `kring card add person --name NAME` hinzu oder probieren Sie `kring demo`.

due-today = heute
due-tomorrow = morgen
due-overdue = { $days ->
    [one] { $days } Tag überfällig
   *[other] { $days } Tage überfällig
}
due-in-days = { $days ->
    [one] in { $days } Tag
   *[other] in { $days } Tagen
}

kind-word = { $kind ->
    [person] Person
    [organisation] Organisation
    [networker] Netzwerkmitglied
   *[other] { $kind }
}
visibility-word = { $visibility ->
    [private] privat
    [summary] Kurzfassung
    [shared] geteilt
   *[other] { $visibility }
}

## kring card show
card-restriction-label = Einschränkung
card-restriction-since = seit { $day }
card-restriction = { $status }{ $since }: von Erinnerungen, Wiedervorlagelisten, Newslettern und Einladungen ausgenommen, bis eine Managerin oder ein Manager dies aufhebt
card-affiliations = Zugehörigkeiten
card-since = seit { $day }
card-until = bis { $day }
card-past = (früher)
card-relationships = Beziehungen
card-never = nie
card-going-cold = KÜHLT AB
card-relationship = { $other }: Stärke { $strength }/5, Vertrauen { $trust }, letzter Kontakt { $last }, Rhythmus { $cadence }
card-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
card-knows = Kennt
card-known-by = Kollegen, die die Person kennen
card-acquaintance = { $name }: Stärke { $strength }/5
card-follow-ups = Wiedervorlagen
card-follow-up = { $text } (fällig { $due })
card-interactions = Kontakte
card-notes = Notizen
card-links = Verknüpfungen
card-conflicts = Konflikte (gleichzeitige Änderungen; `kring card edit` legt sie bei)
card-conflict = { $field }: behalten { $current } — auch geschrieben { $value } von Knoten { $node } am { $at }
card-deleted = gelöscht { $id }

## kring follow-ups, today, search, duplicates
follow-ups-none = Keine offenen Wiedervorlagen.
today-due = Fällige Wiedervorlagen ({ $count })
today-upcoming = In den nächsten zwei Wochen ({ $count })
today-cold-some = Abkühlende Beziehungen ({ $total }, die { $listed } kältesten aufgelistet)
today-cold = Abkühlende Beziehungen ({ $count })
today-cold-line = { $networker } ↔ { $stakeholder }: letzter Kontakt { $last }, Rhythmus { $cadence } Tage
today-reviews = Fällige Bewertungen von Partnerschaften ({ $count })
search-none = Nichts gefunden.
duplicates-none = Keine wahrscheinlichen Dubletten.
duplicates-summary = { $count } Paare. `kring same-as ID ANDERE_ID` macht aus einem Paar eine Karte; `kring not-same ID ANDERE_ID` legt es beiseite.
same-as-done = { $a } und { $b } sind jetzt eine Karte, angezeigt als { $shown } ({ $count } Karten)
not-same-done = { $a } und { $b } sind getrennte Karten
not-same-still-one = { $a } und { $b } sind nicht identisch, aber andere Angaben machen sie noch zu einer Karte: { $chain }; sagen Sie `kring not-same` für eine dieser Verknüpfungen

## kring init, log, done, demo
init-done = Kring ist für { $name } ({ $email }) als { $role } in { $path } eingerichtet
logged-follow-up = Wiedervorlage { $id }
due-needs-follow-up = --due braucht --follow-up TEXT, um zu sagen, was fällig ist
follow-up-done = { $undo ->
    [yes] wieder geöffnet
   *[no] erledigt
} { $id }
demo-done = Demo-Netzwerk: { $networkers } Netzwerkmitglieder, { $organisations } Organisationen, { $people } Personen, { $relationships } Beziehungen, { $interactions } Kontakte, { $follow_ups } Wiedervorlagen, { $notes } Notizen, { $links } Verknüpfungen

## kring export, import, conflicts, resolve, backup, restore
export-wrote = { $path } geschrieben ({ $kind }): { $records } Datensätze, { $bytes } Bytes
export-left-out = { $private } private Datensätze blieben auf diesem Computer; { $summarised } gingen nur als Kurzfassung mit; { $unchanged }, die der Empfänger schon hat, wurden weggelassen
export-relayed = { $count ->
    [one] hat auch die Übergabe einer Kollegin oder eines Kollegen geschrieben, die dieser Datenspeicher an die Netzwerkmanager/innen weitergibt, so wie sie signiert wurde; geben Sie sie ihnen mit dem Export:
   *[other] hat auch { $count } Übergaben von Kolleginnen und Kollegen geschrieben, die dieser Datenspeicher an die Netzwerkmanager/innen weitergibt, so wie sie signiert wurden; geben Sie sie ihnen mit dem Export:
}
import-progress = Zusammenführen: { $done }/{ $total } Datensätze ({ $percent } %)
import-file = { $path }: { $kind }-Paket von { $author } ({ $role }, Knoten { $node }), { $records } Datensätze
import-held = { $path }: zurückgehalten, nicht zusammengeführt: { $author } <{ $email }> (Fingerabdruck { $fingerprint }) { $reason }
import-held-hint = vergleichen Sie den Fingerabdruck mit dem seines Besitzers, dann: kring approve FINGERABDRUCK (siehe kring members)
import-compact-hint = Importe haben seit dem letzten Verdichten { $records } Datensätze geschrieben: `kring compact` gibt meist ein Viertel bis die Hälfte des Platzes der Datenbank frei
import-summary = { $dry ->
    [yes] würde hinzufügen
   *[no] hinzugefügt
} { $added }, geändert { $changed } (davon gelöscht { $deleted }), unverändert { $unchanged }, neue Konflikte { $conflicts }
warning = Warnung: { $text }
import-refused = { $count } Änderung(en) abgelehnt, zu denen ihre Verfasser kein Recht hatten (nichts davon wurde zusammengeführt):
import-refused-line = { $kind } { $record } Feld { $field }: von { $writer }: { $reason }
import-refused-more = … und { $count } weitere (--json listet bis zu 200)
import-forgotten-dropped = { $count } Datensatz/Datensätze oder Wert(e) über gelöschte Personen verworfen (kring forget): nichts davon kommt zurück
import-forgotten-purged = { $count } Datensatz/Datensätze gelöscht, die dieser Datenspeicher über Personen enthielt, die die Organisation vergessen hat; führen Sie `kring compact` aus, um ihre Bytes von der Festplatte zu entfernen
import-expired = { $count } Datensatz/Datensätze nach Ablauf der Frist einer Aufbewahrungsregel entfernt oder geleert
import-backup = Sicherung des vorherigen Zustands: { $path }
dry-run = Probelauf: nichts wurde geändert
conflicts-none = Keine Konflikte.
conflicts-current = { $field }: aktuell { $value } ({ $by }, { $at })
conflicts-losing = { $n }. { $value } ({ $by }, { $at })
conflicts-writer-named = { $name }, Knoten { $node }
conflicts-writer-node = Knoten { $node }
take-counts-from-one = --take zählt ab 1
resolve-say-which = sagen Sie, welcher Wert bleibt: --keep, --take N oder --value WERT
resolved = { $field } von { $id } beigelegt
folder-uncreatable = { $path } kann nicht angelegt werden
backup-done = { $records } Datensätze in { $path } gesichert
restore-done = { $records } Datensätze aus { $path } wiederhergestellt; der vorherige Zustand liegt in { $safety }

## Kontakte und Kalender
contacts-read-as = gelesen als { $preset }-CSV ({ $encoding })
contacts-summary = { $read } Kontakte: { $people } Personen und { $organisations } Organisationen { $dry ->
    [yes] würden hinzugefügt
   *[no] hinzugefügt
} ({ $affiliations } Zugehörigkeiten, { $notes } Notizen); { $updated } Karten aktualisiert; { $unchanged } schon bekannt, unverändert
contacts-vcard-only = Kontakte werden nur als vCard exportiert (--format vcard)
contacts-exported = { $count } Karten nach { $path } geschrieben
calendar-exported = { $count } Wiedervorlagen nach { $path } geschrieben
private-left-out = { $count } private { $what ->
    [cards] Karten
   *[other] Wiedervorlagen
} weggelassen (--include-private schreibt sie)

## kring check
check-summary = { $records } Datensätze, { $entries } Indexeinträge geprüft
check-more = … und { $count } weitere Probleme (--json listet alle)
check-clean = in Ordnung: jeder Index stimmt mit den Datensätzen überein und jeder Wert passt in sein Feld
check-repaired = repariert: die Indizes wurden aus den Datensätzen neu aufgebaut
check-quarantined = { $count } { $count ->
    [one] Kopie
   *[other] Kopien
} von Datensätzen, die unter einer anderen Art gespeichert waren, als der Datenspeicher sie kennt, in den Quarantänebaum verschoben
check-drifted = die Indizes weichen von den Datensätzen ab ({ $missing } fehlend, { $stale } veraltet, { $misfiled } unter einer anderen Art gespeichert): führen Sie `kring check --repair` aus
check-beyond-repair = { $count } Probleme, die eine Reparatur nicht behebt ({ $unreadable } unlesbare Datensätze, { $misfit } Werte, die nicht in ihr Feld passen, { $kindless } Datensätze ohne Kopie ihrer Art): korrigieren Sie einen Wert mit `kring card edit ID --set FELD=WERT` oder stellen Sie eine Sicherung von vor dem Eintreffen des Datensatzes wieder her

## Hinweise auf stderr und Fehler der Befehlszeile selbst
note-node-renewed = Hinweis: dieser Datenspeicher wurde kopiert oder wiederhergestellt (er war Knoten { $old }); er schreibt jetzt als Knoten { $new }
note-retention = Hinweis: Aufbewahrungsregeln haben { $count } Datensatz/Datensätze entfernt oder geleert (kring processing-log, kring compact)
no-home-folder = kein Benutzerordner, um den Datenspeicher abzulegen: geben Sie --store ORDNER an oder setzen Sie KRING_STORE
file-unwritable = { $path }: kann nicht geschrieben werden: { $reason }
output-unwritable = die Ausgabe kann nicht geschrieben werden: { $error }
held-reason = { $code ->
    [key_replaced] mit einem anderen Schlüssel signiert, als die Mitgliederliste für dieses Mitglied hat: ein ersetzter Laptop oder eine Fälschung
    [unknown_key] mit einem Schlüssel signiert, der nicht auf der Mitgliederliste der Organisation steht
   *[other] { $reason }
}
clock-behind = die Uhr von { $author } scheint { $days } Tage nachzugehen: das Paket ist vor Änderungen datiert, die es bereits enthielt. Bitten Sie { $author }, das Datum des Computers richtig einzustellen, sonst verlieren die Änderungen gegen ältere

## kring sync
sync-watching = { $folder } wird beobachtet ({ $notified ->
    [yes] Änderungsmeldungen und Abfragen
   *[no] Abfragen
}); ein Durchlauf alle { $seconds } s, wenn es ruhig ist; Strg+C zum Beenden
sync-try-again = { $error }; neuer Versuch beim nächsten Durchlauf
sync-synced = synchronisiert mit { $folder } als { $role } (Knoten { $node }) am { $at }
sync-imported = { $bundles } Paket(e) importiert: { $added } hinzugefügt, { $changed } geändert, { $deleted } gelöscht, { $conflicts } neue Konflikte
sync-wrote = { $master ->
    [yes] Master
   *[no] Delta
} { $path } geschrieben ({ $kind }): { $records } Datensätze, { $private } private zurückbehalten
sync-skipped = übersprungen ({ $retried ->
    [yes] nächstes Mal erneut versucht
   *[no] braucht Sie
}): { $reason }
sync-waiting = wartet auf Genehmigung: { $author } <{ $email }> (Fingerabdruck { $fingerprint }): kring approve { $approve }
sync-refused = { $count } Änderung(en) abgelehnt, zu denen ihre Verfasser kein Recht hatten (kring sync --json listet sie)
sync-pruned = { $count } alte(s) Paket(e) dieses Datenspeichers aufgeräumt, die bestätigt oder überholt waren
sync-nothing-new = nichts Neues
sync-stale = lange nicht synchronisiert:
sync-last-bundle = letztes Paket { $day } (vor { $days } Tagen)
sync-no-bundle-yet = noch kein Paket
sync-stale-peer = { $name } (Knoten { $node }): { $since }

## Mitglieder der Organisation
invite-wrote = Einladung für ein/e { $role } nach { $path } geschrieben ({ $organisation })
invite-join = die eingeladene Person führt aus: kring join { $path }
invite-manager = Manager/in { $name } <{ $email }>, Fingerabdruck { $fingerprint }
invite-approve-later = genehmigen Sie den Datenspeicher, wenn das erste Paket eintrifft: kring members, dann kring approve
join-joined = der Organisation { $organisation } beigetreten
join-compare = vergleichen Sie diese Fingerabdrücke mit denen der Managerin oder des Managers (telefonisch oder persönlich):
join-your-fingerprint = der Fingerabdruck Ihres Datenspeichers, zur Genehmigung durch die Managerin oder den Manager: { $fingerprint }
members-none = Keine Mitglieder: dieser Datenspeicher hat keine Organisation gegründet und ist keiner beigetreten.
members-this-store = (dieser Datenspeicher)
members-earlier-store = gibt an, für { $name } <{ $email }> zu schreiben, bereits Mitglied als Node { $node } (Fingerabdruck { $fingerprint }): eine wiederhergestellte Sicherung oder ein neuer Computer, oder jemand, der sich als diese Person ausgibt. Vergleichen Sie den Fingerabdruck mit { $name }, bevor Sie genehmigen: nach der Genehmigung sendet er auch, was jener Datenspeicher geschrieben hat
members-earlier-nodes = zuvor wiederhergestellt oder kopiert: schrieb auch als { $count ->
    [one] Node
   *[other] Nodes
} { $nodes }; nach der Genehmigung gilt, was dort geschrieben wurde, als von diesem Datenspeicher
members-contested-node = der Knoten { $node } wird auch von { $others } beansprucht: was er geschrieben hat, zählt für niemanden, bis ein/e Manager/in den falschen Anspruch streicht (kring drop-claim { $member } { $node } streicht den dieses Datenspeichers)
drop-claim-done = was der Knoten { $node } geschrieben hat, zählt nicht mehr als vom Datenspeicher { $member }; der nächste Master teilt es jedem Mitglied mit
approve-done = genehmigt: { $name } <{ $email }> (Fingerabdruck { $fingerprint })
approve-merged = die { $bundles } für sie zurückgehaltenen Paket(e) zusammengeführt: hinzugefügt { $added }, geändert { $changed }
trust-done = vertraut: { $name } <{ $email }> (Knoten { $node }, Fingerabdruck { $fingerprint }), Unterzeichner/in von { $path }
