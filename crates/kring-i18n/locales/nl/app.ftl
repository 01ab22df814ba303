app-no-profile = Kring is nog niet ingesteld: kies eerst uw rol, naam en e-mailadres.
# A command that stopped before it answered (it panicked); $cause is the runtime's own words.
app-operation-stopped = De bewerking is gestopt: { $cause }
app-demo-store = Dit is de demo: de kaarten ervan zijn fictief, verlaten deze computer nooit en blijven gescheiden van de uwe, dus ze kan niet worden { $kind ->
    [exported] geëxporteerd
    [exported-as-a-kpi-report] geëxporteerd als kpi-rapport
    [exported-as-a-calendar] geëxporteerd als agenda
    [exported-as-a-graph-file] geëxporteerd als graafbestand
    [exported-as-a-subject-access-report] geëxporteerd als inzageverslag
    [exported-as-a-transparency-register] geëxporteerd als transparantieregister
    [exported-as-contacts] geëxporteerd als contacten
    [restored-from-a-backup] teruggezet uit een reservekopie
    [synced] gesynchroniseerd
    [used-to-invite-a-member] gebruikt om een lid uit te nodigen
   *[other] { $action }
}. Verlaat de demo (de knop in de balk bovenaan) om dit met uw eigen netwerk te doen.
member-awaiting-approval = wacht tot een netwerkmanager deze databank goedkeurt
handover-reason = { $sentence ->
    [priority] prioritaire stakeholder van { $names }
    [accountable] verantwoordelijk ervoor in een netwerkteam
    [looked_after] opgevolgd door { $names }
    [known_by_nobody_else] niemand anders kent deze stakeholder
    [known_weakly] collega's kennen hen maar zwak
   *[going_cold] bekoelend
}
app-capture-choose-files = Kies eerst een of meer vergaderuitnodigingen of agenda-exports (.ics) of opgeslagen e-mails (.eml).

# Refusals and failures of the app's commands (kring-api), said in the app's language.
app-demo-busy = De demo is nog met iets bezig: probeer ze zo meteen opnieuw te verwijderen.
app-store-busy = Kring is nog bezig met de databank (er loopt misschien een synchronisatie of een import): er is niets gecomprimeerd. Probeer het opnieuw wanneer die klaar is.
app-card-list-failed = De kaartenlijst kon niet worden opgebouwd. Sluit Kring en open het opnieuw; gebeurt het weer, voer dan `kring check` uit.
app-report-extension = Sla het verslag op als .html (een pagina om te overhandigen) of .json (voor programma's).
app-report-not-written = Het verslag kon niet worden geschreven: { $cause }
app-request-in-future = De dag waarop het verzoek binnenkwam, kan niet in de toekomst liggen.
app-not-in-graph = { $id } staat niet in de netwerkgraaf (die kaart bestaat niet, of ze is privé of verwijderd).
app-not-a-networker = { $id } is geen netwerker.
app-picture-not-in-sync-folder = De afbeelding toont ook uw privékaarten en wordt daarom niet opgeslagen in de synchronisatiemap ({ $folder }), die collega's lezen: kies een eigen map.
app-picture-not-base64 = De afbeelding is geen geldige base64.
app-not-a-card-id = '{ $value }' is geen kaart-id.
app-not-a-date = '{ $value }' is geen datum (JJJJ-MM-DD).
app-not-a-moment = '{ $value }' is geen datum en tijd.
app-name-needed = Uw naam is nodig: collega's zien hem bij wat u deelt.
app-name-empty = Uw naam mag niet leeg zijn.
app-card-gone = Die kaart bestaat niet meer.
app-relationship-not-shown = De relatie is opgeslagen maar kan niet worden getoond; open de kaart opnieuw.
app-log-with-nobody = Kies met wie het contactmoment was.
app-follow-up-due-missing = Geef de opvolging een vervaldatum.
app-note-empty = Schrijf eerst de notitie.
app-choose-file = Kies eerst een bestand.
app-choose-bundles = Kies eerst een of meer .kring-bestanden.
app-file-unreadable = { $path } kan niet worden gelezen: { $cause }
app-file-unwritable = { $path } kan niet worden geschreven: { $cause }
