# Les lignes rouges d'un partenariat telles qu'on les lit (le rapport, les écrans).
red-line-tag = aucun partenaire avec l'étiquette « { $tag } »
red-line-sector = aucun partenaire du { $sector }
red-line-sector-public = secteur public
red-line-sector-business = secteur des entreprises
red-line-sector-social = secteur non marchand
red-line-sector-voluntary = secteur associatif
red-line-sector-knowledge = secteur de la connaissance
red-line-sector-media = secteur des médias
red-line-sector-other = autre secteur
