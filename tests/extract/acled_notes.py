"""ACLED-style event notes with the ACLED event type and sub-event type an ACLED coder would give
them (written for Truce; places and groups are real, incidents are made up). Each row: note,
published date, event_type, sub_event_type, fatalities (None = not checked), ISO date (None = not
checked)."""

from __future__ import annotations

BAT = "Battles"
EXP = "Explosions/Remote violence"
VAC = "Violence against civilians"
PRO = "Protests"
RIO = "Riots"
STR = "Strategic developments"

Note = tuple[str, str, str, str, int | None, str | None]

NOTES: list[Note] = [
    # Battles
    ("On 3 March 2023, JNIM militants attacked a military post in Djibo, killing 5 soldiers.",
     "2023-03-05", BAT, "Armed clash", 5, "2023-03-03"),
    ("Clashes broke out between the SAF and the RSF in Omdurman on 12 June; 14 fighters were killed.",
     "2023-06-14", BAT, "Armed clash", 14, "2023-06-12"),
    ("Al Shabaab fighters ambushed a Somali army convoy near Baidoa on Tuesday, killing 7 soldiers.",
     "2022-09-08", BAT, "Armed clash", 7, "2022-09-06"),
    ("Fighting between M23 rebels and FARDC troops continued in Kibumba on 28 May.",
     "2022-05-30", BAT, "Armed clash", None, "2022-05-28"),
    ("ISWAP militants raided a Nigerian army base in Marte, Borno state, and exchanged fire with "
     "soldiers for several hours.", "2021-04-15", BAT, "Armed clash", None, None),
    ("Ukrainian forces repelled a Russian assault near Bakhmut on 5 February.",
     "2023-02-07", BAT, "Armed clash", None, "2023-02-05"),
    ("Armed men clashed with police at a checkpoint near Kidal, leaving 3 police officers dead.",
     "2022-08-10", BAT, "Armed clash", 3, None),
    ("Military forces recaptured the town of Kamianka from Russian forces after heavy fighting.",
     "2023-06-12", BAT, "Government regains territory", None, None),
    ("The Malian army retook control of the town of Anefis from CMA rebels on 7 October.",
     "2023-10-09", BAT, "Government regains territory", None, "2023-10-07"),
    ("M23 rebels seized the town of Bunagana after fighting with the Congolese army.",
     "2022-06-14", BAT, "Non-state actor overtakes territory", None, None),
    ("Al Shabaab militants overran a military base in El Baraf, killing 10 soldiers.",
     "2023-05-28", BAT, "Non-state actor overtakes territory", 10, None),
    ("Security forces killed 12 militants in a counter-terrorism operation in North Waziristan.",
     "2023-07-20", BAT, "Armed clash", 12, None),
    # Explosions/Remote violence
    ("An IED exploded on the road between Gao and Ansongo, killing 2 soldiers.",
     "2022-11-03", EXP, "Remote explosive/landmine/IED", 2, None),
    ("Russian forces shelled Kherson city on 4 August, wounding 3 civilians.",
     "2024-08-05", EXP, "Shelling/artillery/missile attack", None, "2024-08-04"),
    ("An airstrike by the Myanmar military hit a village in Kanbalu township, killing 50 people.",
     "2023-04-12", EXP, "Air/drone strike", 50, None),
    ("A Turkish drone strike killed 2 PKK members near Sinjar on 10 May.",
     "2023-05-12", EXP, "Air/drone strike", 2, "2023-05-10"),
    ("A suicide bomber blew himself up at a mosque in Peshawar, killing 59 people.",
     "2023-01-31", EXP, "Suicide bomb", 59, None),
    ("Unidentified assailants threw a grenade at a bar in Mogadishu, injuring 4 people.",
     "2022-10-02", EXP, "Grenade", None, None),
    ("Israeli warplanes struck targets in Gaza City overnight.",
     "2021-05-12", EXP, "Air/drone strike", None, None),
    ("Hezbollah fired rockets at an Israeli military position in Metula.",
     "2024-02-15", EXP, "Shelling/artillery/missile attack", None, None),
    ("A landmine explosion killed 3 civilians near Kadugli on 14 January.",
     "2023-01-16", EXP, "Remote explosive/landmine/IED", 3, "2023-01-14"),
    ("A car bomb exploded near a checkpoint in Mogadishu, killing 8 people.",
     "2022-10-30", EXP, "Remote explosive/landmine/IED", 8, None),
    ("Russian missiles struck energy infrastructure in Lviv on 10 October.",
     "2022-10-11", EXP, "Shelling/artillery/missile attack", None, "2022-10-10"),
    ("Mortar shells fired by the RSF landed in a market in El Fasher, killing 6 civilians.",
     "2024-05-13", EXP, "Shelling/artillery/missile attack", 6, None),
    ("A Russian drone attack hit residential buildings in Odesa overnight, injuring 5 people.",
     "2024-03-02", EXP, "Air/drone strike", None, None),
    ("Houthi forces launched drones at Saudi oil facilities in Ras Tanura.",
     "2021-03-08", EXP, "Air/drone strike", None, None),
    ("A roadside bomb struck a military vehicle near Ansongo, wounding 4 soldiers.",
     "2022-11-03", EXP, "Remote explosive/landmine/IED", None, None),
    ("Artillery shelling by Azerbaijani forces hit positions near Tegh.",
     "2023-04-12", EXP, "Shelling/artillery/missile attack", None, None),
    # Violence against civilians
    ("Unidentified gunmen abducted 3 civilians near Bunia.",
     "2022-07-27", VAC, "Abduction/forced disappearance", None, None),
    ("ADF militants attacked the village of Mukondi with machetes, killing 23 civilians.",
     "2023-03-10", VAC, "Attack", 23, None),
    ("Gunmen shot dead a village chief in Tillaberi on 2 April.",
     "2023-04-04", VAC, "Attack", 1, "2023-04-02"),
    ("Fulani militia killed 17 villagers in an attack on Yelwata, Benue state.",
     "2023-05-20", VAC, "Attack", 17, None),
    ("RSF fighters raped several women in Geneina, West Darfur.",
     "2023-06-20", VAC, "Sexual violence", None, None),
    ("Armed men kidnapped 80 students from a school in Kuriga, Kaduna state, on 7 March.",
     "2024-03-09", VAC, "Abduction/forced disappearance", None, "2024-03-07"),
    ("Soldiers executed 5 civilians in Moura, accusing them of collaborating with militants.",
     "2022-04-05", VAC, "Attack", 5, None),
    ("Militants attacked a displacement camp near Djibo, killing 12 civilians.",
     "2023-06-10", VAC, "Attack", 12, None),
    ("Gunmen opened fire on worshippers at a church in Owo, killing 40 people.",
     "2022-06-06", VAC, "Attack", 40, None),
    ("Settlers attacked Palestinian farmers near Nablus, wounding 2 people.",
     "2023-10-20", VAC, "Attack", None, None),
    # Protests
    ("Protesters gathered in Khartoum demanding civilian rule; police fired tear gas.",
     "2022-01-18", PRO, "Protest with intervention", None, None),
    ("Hundreds of people held a peaceful protest in Goma against MONUSCO on 25 July.",
     "2022-07-27", PRO, "Peaceful protest", None, "2022-07-25"),
    ("Teachers staged a demonstration in front of the parliament in Bamako demanding unpaid wages.",
     "2022-03-03", PRO, "Peaceful protest", None, None),
    ("Police arrested 20 demonstrators during a protest in Kampala.",
     "2022-11-21", PRO, "Protest with intervention", None, None),
    ("Security forces fired live ammunition at protesters in Mandalay, killing 5 people.",
     "2021-03-01", PRO, "Excessive force against protesters", 5, None),
    ("Thousands of people marched in Yerevan on 22 September demanding the resignation of the prime minister.",

     "2023-09-23", PRO, "Peaceful protest", None, "2023-09-22"),
    ("Police dispersed a rally of opposition supporters in Dakar with tear gas.",
     "2023-06-02", PRO, "Protest with intervention", None, None),
    ("Students demonstrated in Niamey in support of the military junta.",
     "2023-07-31", PRO, "Peaceful protest", None, None),
    # Riots
    ("Rioters burned tyres and threw stones at police in Nairobi.",
     "2023-03-20", RIO, "Violent demonstration", None, None),
    ("A mob attacked a man accused of theft in Kinshasa, beating him to death.",
     "2023-02-11", RIO, "Mob violence", 1, None),
    ("Demonstrators stormed the French embassy in Niamey and set fire to its gate.",
     "2023-07-31", RIO, "Violent demonstration", None, None),
    ("A mob lynched 2 suspected kidnappers in Lubumbashi.",
     "2022-09-10", RIO, "Mob violence", 2, None),
    ("Angry residents attacked a police station in Beni after the killing of a motorcyclist.",
     "2022-07-30", RIO, "Mob violence", None, None),
    # Strategic developments
    ("Military forces took control of the town of Tessit after the withdrawal of MINUSMA peacekeepers.",
     "2022-08-09", STR, "Non-violent transfer of territory", None, None),
    ("MINUSMA withdrew from its base in Ber and handed it over to the Malian army.",
     "2023-08-14", STR, "Non-violent transfer of territory", None, None),
    ("Police arrested 3 journalists in Ouagadougou on 2 March.",
     "2023-03-04", STR, "Arrests", None, "2023-03-02"),
    ("Looting of shops was reported in Port-au-Prince after gangs entered the market.",
     "2024-03-05", STR, "Looting/property destruction", None, None),
    ("The army and the rebels signed a ceasefire agreement in Addis Ababa.",
     "2022-11-03", STR, "Agreement", None, None),
    ("Soldiers burned houses in the village of Mogaung.",
     "2023-05-02", STR, "Looting/property destruction", None, None),
    ("The Wagner Group established a base in Tessit.",
     "2022-08-09", STR, "Headquarters or base established", None, None),
    ("Security forces defused an IED planted on the road to Menaka.",
     "2023-02-02", STR, "Disrupted weapons use", None, None),
    ("Russia and Ukraine exchanged 230 prisoners of war on 3 January.",
     "2024-01-04", STR, "Agreement", None, "2024-01-03"),
    ("The government imposed a curfew in Djibo on 1 March.",
     "2023-03-03", STR, "Other", None, "2023-03-01"),
    ("Armed men looted a health centre in Mweso.",
     "2023-11-02", STR, "Looting/property destruction", None, None),
    ("The army deployed reinforcements to Bakhmut.",
     "2023-02-06", STR, "Change to group/activity", None, None),
    # a second batch, written after the rules above and kept as a check of how they generalise
    ("On 14 April 2023, suspected Boko Haram militants killed 9 farmers in Mafa LGA, Borno.",
     "2023-04-16", VAC, "Attack", 9, "2023-04-14"),
    ("Around 19 May 2023, Fano militia clashed with the ENDF in Gondar town.",
     "2023-05-21", BAT, "Armed clash", None, "2023-05-19"),
    ("On 2 June 2023, the Russian military shelled Nikopol, damaging houses.",
     "2023-06-03", EXP, "Shelling/artillery/missile attack", None, "2023-06-02"),
    ("Unknown gunmen killed a police officer in Maiduguri.","2023-06-03", BAT,"Armed clash",1,None),
    ("On 5 June 2023, a Ukrainian drone struck a building in Belgorod.",
     "2023-06-06", EXP, "Air/drone strike", None, "2023-06-05"),
    ("Residents of Bamenda protested against the killing of a taxi driver.",
     "2023-06-06", PRO, "Peaceful protest", None, None),
    ("Police fired tear gas to disperse students protesting in Nairobi.",
     "2023-06-06", PRO, "Protest with intervention", None, None),
    ("On 8 June 2023, rioters set fire to vehicles in Dakar.",
     "2023-06-09", RIO, "Violent demonstration", None, "2023-06-08"),
    ("A woman was abducted by ADF militants in Beni territory.",
     "2023-06-09", VAC, "Abduction/forced disappearance", None, None),
    ("On 10 June 2023, an explosive device detonated near a FAMa convoy in Mopti region, killing 4 soldiers.",
     "2023-06-11", EXP, "Remote explosive/landmine/IED", 4, "2023-06-10"),
    ("Sudanese Air Force jets bombed RSF positions in Khartoum North.",
     "2023-06-11", EXP, "Air/drone strike", None, None),
    ("The Houthis and government forces exchanged fire in Taiz.","2023-06-11", BAT,"Armed clash",None,None),
    ("A crowd lynched a suspected thief in Port-au-Prince.","2023-06-11", RIO,"Mob violence",None,None),
    ("Security forces detained 5 opposition members in Conakry.","2023-06-11", STR,"Arrests",None,None),
    ("Islamic State militants beheaded 2 Christians in Cabo Delgado.","2023-06-11", VAC,"Attack",2,None),
    ("JNIM took control of the village of Boni without fighting.",
     "2023-06-11", STR, "Non-violent transfer of territory", None, None),
    ("A suicide car bomb targeted a military base in Mogadishu.","2023-06-11", EXP,"Suicide bomb",None,None),
    ("Unidentified men threw a hand grenade into a shop in Bujumbura.","2023-06-11", EXP,"Grenade",None,None),
    ("Hundreds of farmers demonstrated peacefully in Islamabad against fertiliser prices.",
     "2023-06-11", PRO, "Peaceful protest", None, None),
    ("Soldiers opened fire on demonstrators in Conakry, killing 2.",
     "2023-06-11", PRO, "Excessive force against protesters", 2, None),
    ("The army and the SPLM-N signed a peace agreement in Juba.","2023-06-11", STR,"Agreement",None,None),
    ("Gunmen attacked a bus on the Kaduna-Abuja highway, killing 6 passengers.",
     "2023-06-11", VAC, "Attack", 6, None),
    ("Israeli forces raided Jenin camp and clashed with Palestinian militants.",
     "2023-06-11", BAT, "Armed clash", None, None),
    ("Russian forces launched missiles at Kyiv overnight.",
     "2023-06-11", EXP, "Shelling/artillery/missile attack", None, None),
    ("Militiamen looted and burned homes in Djugu territory.",
     "2023-06-11", STR, "Looting/property destruction", None, None),
]

# A third batch in the longer shape of real notes (a leading date, the place with its district and
# region in brackets, the toll or '[size=...]' after the act, a second sentence of context),
# written for the learned sub-type head and never trained on: how well the reading generalises.
LONGER_NOTES: list[Note] = [
    ("On 9 February 2022, unidentified armed men fired grenade launchers and small arms at the positions of the "
     "Malian army near Hombori (Douentza, Mopti). No fatalities were reported.",
     "2022-02-15", BAT, "Armed clash", None, None),
    ("On 17 October 2021, the bodies of two civilians with gunshot wounds were found near Mangodara (Comoe, Cascades).",
     "2021-10-19", VAC, "Attack", None, None),
    ("On 4 September 2022, rioters vandalised the town hall of Bukavu (South Kivu) and clashed with police over "
     "the death of a student.", "2022-09-06", RIO, "Violent demonstration", None, None),
    ("Around 2 May 2021, a dispute between two village groups over farmland in Tchintabaraden (Tahoua) turned into "
     "a fight with sticks and knives, injuring 6 people.", "2021-05-10", RIO, "Mob violence", None, None),
    ("On 23 March 2023, Al Shabaab militants attacked an SNA base in Bulo Barde (Hiraan). Heavy fighting followed; "
     "fatalities unknown.", "2023-03-27", BAT, "Armed clash", None, None),
    ("On 11 January 2020, ISWAP fighters took over the town of Monguno (Borno) after overrunning a Nigerian army "
     "barracks.", "2020-01-14", BAT, "Non-state actor overtakes territory", None, None),
    ("On 30 November 2022, the Burkinabe army retook the town of Djibo from JNIM after two days of clashes.",
     "2022-12-02", BAT, "Government regains territory", None, None),
    ("On 15 August 2023, a drone operated by the Sudanese army struck a neighbourhood of Nyala (South Darfur), "
     "killing 8 civilians.", "2023-08-17", EXP, "Air/drone strike", 8, None),
    ("On 6 June 2022, Russian forces fired Grad rockets at Nikopol (Dnipropetrovsk). 2 civilians were injured.",
     "2022-06-08", EXP, "Shelling/artillery/missile attack", None, None),
    ("On 20 April 2021, a landmine planted by suspected JNIM militants exploded under a civilian minibus near Boni "
     "(Douentza, Mopti), killing 5 passengers.", "2021-04-23", EXP, "Remote explosive/landmine/IED", 5, None),
    ("On 8 July 2019, a suicide bomber detonated an explosive belt at a checkpoint in Mogadishu (Banadir), "
     "killing 3 police officers.", "2019-07-10", EXP, "Suicide bomb", 3, None),
    ("On 2 December 2020, an unidentified person threw a hand grenade at a house in Bujumbura, wounding 2 people.",
     "2020-12-05", EXP, "Grenade", None, None),
    ("On 27 May 2023, RSF fighters looted the market of El Obeid and burned several shops.",
     "2023-05-30", STR, "Looting/property destruction", None, None),
    ("On 19 September 2021, CODECO militiamen killed 7 civilians with machetes in the village of Ngotshi "
     "(Djugu, Ituri).", "2021-09-21", VAC, "Attack", 7, None),
    ("On 3 November 2022, armed bandits kidnapped 12 villagers, including women, from Kuriga (Chikun, Kaduna).",
     "2022-11-05", VAC, "Abduction/forced disappearance", None, None),
    ("On 14 July 2023, soldiers of the SAF raped two women at a checkpoint in Omdurman (Khartoum).",
     "2023-07-20", VAC, "Sexual violence", None, None),
    ("On 12 April 2022, around 300 motorcycle taxi drivers protested in Goma (North Kivu) against police "
     "harassment. [size=around 300]", "2022-04-14", PRO, "Peaceful protest", None, None),
    ("On 25 October 2022, police used tear gas to disperse students demonstrating in Conakry against the "
     "transition timetable. [size=no report]", "2022-10-27", PRO, "Protest with intervention", None, None),
    ("On 1 March 2021, police shot and killed 3 demonstrators during an anti-coup protest in Monywa (Sagaing). "
     "[size=thousands]", "2021-03-03", PRO, "Excessive force against protesters", 3, None),
    ("On 16 June 2022, angry residents lynched a man suspected of stealing a motorbike in Butembo (North Kivu).",
     "2022-06-18", RIO, "Mob violence", 1, None),
    ("On 28 August 2023, hundreds of youths burned tyres and threw stones at the police station in Kolwezi "
     "(Lualaba) after the arrest of a local leader. [size=hundreds]",
     "2023-08-30", RIO, "Violent demonstration", None, None),
    ("On 10 October 2022, the Nigerien army arrested 4 suspected smugglers of weapons in Agadez.",
     "2022-10-12", STR, "Arrests", None, None),
    ("On 5 January 2023, the government and the FLM signed a peace agreement in N'Djamena.",
     "2023-01-07", STR, "Agreement", None, None),
    ("On 21 February 2024, Ukrainian air defences shot down 12 Russian drones over Odesa oblast.",
     "2024-02-22", STR, "Disrupted weapons use", None, None),
    ("On 7 August 2022, Wagner Group forces set up a base at the former MINUSMA camp in Menaka.",
     "2022-08-10", STR, "Headquarters or base established", None, None),
    ("On 13 May 2023, the Malian army took control of the camp in Ber after MINUSMA handed it over.",
     "2023-05-15", STR, "Non-violent transfer of territory", None, None),
    ("On 22 June 2022, Al Shabaab imposed a blockade on the town of Hudur (Bakool), preventing trucks from entering.",
     "2022-06-24", STR, "Change to group/activity", None, None),
    ("On 30 March 2023, JNIM militants killed a village chief and his son in Dori (Seno, Sahel).",
     "2023-04-01", VAC, "Attack", 2, None),
    ("On 4 April 2021, Tatmadaw troops opened fire on PDF fighters in Kalay (Sagaing); fighting lasted two hours.",
     "2021-04-06", BAT, "Armed clash", None, None),
    ("On 18 November 2022, Israeli forces fired tear gas and rubber bullets at stone-throwing Palestinian youths "
     "in Beita (Nablus).", "2022-11-19", RIO, "Violent demonstration", None, None),
    ("On 9 January 2024, Houthi forces launched anti-ship missiles at a commercial vessel in the Red Sea.",
     "2024-01-10", EXP, "Shelling/artillery/missile attack", None, None),
    ("On 26 September 2021, gunmen on motorcycles attacked worshippers at a mosque in Mazakuka (Mashegu, Niger), "
     "killing 18 people.", "2021-09-28", VAC, "Attack", 18, None),
    ("On 12 March 2022, the army dropped a barrel bomb on Ariha (Idlib).",
     "2022-03-14", EXP, "Air/drone strike", None, None),
    ("On 2 February 2023, TTP militants attacked a police station in Bannu (Khyber Pakhtunkhwa); 2 police officers "
     "and 3 militants were killed.", "2023-02-04", BAT, "Armed clash", 5, None),
    ("On 17 May 2020, ADF militants burned down 20 houses in Mamove (Beni, North Kivu).",
     "2020-05-19", STR, "Looting/property destruction", None, None),
    ("On 29 July 2019, nurses went on strike in Harare over unpaid wages. [size=no report]",
     "2019-07-31", PRO, "Peaceful protest", None, None),
    ("On 14 March 2022, suspected JNIM militants on motorbikes attacked the gendarmerie brigade of Taparko "
     "(Namentenga, Centre-Nord). The gendarmes fought back with the support of VDP. 4 gendarmes and an unknown "
     "number of assailants were killed.", "2022-03-21", BAT, "Armed clash", None, None),
    ("On 2 August 2021, in Tongomayel (Soum, Sahel), unidentified gunmen killed three traders who were returning "
     "from the weekly market. The motive of the attack is not known.", "2021-08-09", VAC, "Attack", 3, None),
    ("Around 10 June 2023 (as reported), RSF shelled residential neighbourhoods of El Obeid (Sheikan, North "
     "Kordofan) with artillery. Several houses were destroyed; casualties unknown.", "2023-06-13", EXP,
     "Shelling/artillery/missile attack", None, None),
    ("On 19 October 2022, Ukrainian military forces recaptured the villages of Novovasylivka and Novohryhorivka "
     "(Beryslav, Kherson) from Russian forces. Fatalities unknown.",
     "2022-10-24", BAT, "Government regains territory", None, None),
    ("On 7 May 2020, students from Makerere University gathered on campus in Kampala to protest against tuition "
     "increases. The police arrived and dispersed them with tear gas, arresting 5. [size=around 150]",
     "2020-05-12", PRO, "Protest with intervention", None, None),
    ("On 25 January 2023, a group of residents in Kasese (Rwenzori) marched to the district headquarters to "
     "demand compensation for land taken by the government. The march ended peacefully. [size=no report]",
     "2023-01-30", PRO, "Peaceful protest", None, None),
    ("On 4 April 2021, an unidentified drone struck a vehicle carrying HTS members near Sarmada (Harim, Idlib), "
     "killing 2.", "2021-04-06", EXP, "Air/drone strike", 2, None),
    ("On 12 November 2020, the body of a man abducted a week earlier by Ambazonian separatists was discovered in "
     "Muyuka (Fako, Southwest). He had been beheaded.", "2020-11-16", VAC, "Attack", 1, None),
    ("On 30 September 2022, Israeli forces arrested 6 Palestinians during a search and arrest raid in the Jenin "
     "refugee camp. No injuries were reported.", "2022-10-03", STR, "Arrests", None, None),
    ("On 16 July 2021, members of the Dinka Bor and Murle communities clashed over cattle near Pibor (Jonglei) "
     "using firearms. 11 people were killed.", "2021-07-19", BAT, "Armed clash", 11, None),
    ("On 1 September 2022, unidentified armed men kidnapped a Catholic priest on the road between Kachia and "
     "Kaduna (Kaduna). He remains missing.", "2022-09-05", VAC, "Abduction/forced disappearance", None, None),
    ("On 21 December 2022, a roadside IED planted by suspected Al Shabaab militants detonated on a KDF vehicle on "
     "the Mandera-Rhamu road (Mandera). 2 soldiers were wounded.",
     "2022-12-27", EXP, "Remote explosive/landmine/IED", None, None),
    ("On 8 March 2024, after a man was killed by a hit-and-run driver in Kisumu, angry youths blocked the road, "
     "set the vehicle on fire and pelted police officers with stones. [size=dozens]", "2024-03-11", RIO,
     "Violent demonstration", None, None),
    ("On 28 February 2023, residents of a village in Kwale (Delta) set upon two men suspected of stealing a goat, "
     "beating one of them to death.", "2023-03-06", RIO, "Mob violence", 1, None),
    ("On 3 July 2022, FARDC and UPDF troops conducted joint operations against ADF positions in the Mwalika valley "
     "(Beni, North Kivu), destroying a camp. Fatalities unknown.", "2022-07-07", BAT, "Armed clash", None, None),
    ("On 11 May 2023, Russian forces launched a missile strike on Kramatorsk (Donetsk), hitting an apartment "
     "block. 2 civilians were killed and 9 injured.", "2023-05-12", EXP, "Shelling/artillery/missile attack", 2, None),
    ("On 26 June 2021, the transitional government and the Sudan Revolutionary Front signed an agreement on "
     "security arrangements in Juba.", "2021-06-28", STR, "Agreement", None, None),
    ("On 18 August 2023, armed men set fire to 30 houses in Kpatsu (Djugu, Ituri) after the residents fled. "
     "No casualties were reported.", "2023-08-22", STR, "Looting/property destruction", None, None),
    ("On 5 October 2021, a soldier shot and killed a motorcycle taxi driver at a checkpoint in Bangui after he "
     "refused to pay a bribe.", "2021-10-08", VAC, "Attack", 1, None),
    ("On 13 April 2022, police fired live rounds at a crowd protesting fuel prices in Port Sudan (Red Sea), "
     "killing 1 protester and injuring 7. [size=hundreds]",
     "2022-04-18", PRO, "Excessive force against protesters", 1, None),
    ("On 9 December 2021, Myanmar military troops raided Done Taw village (Ayadaw, Sagaing), tied up 11 villagers "
     "and burned them alive.", "2021-12-13", VAC, "Attack", 11, None),
    ("On 24 May 2022, the Malian army and Wagner forces arrived in Hombori (Douentza, Mopti) and established a "
     "military camp.", "2022-05-30", STR, "Headquarters or base established", None, None),
    ("On 2 February 2024, Houthi forces fired a ballistic missile at a cargo ship off Hodeidah; the missile was "
     "intercepted by a US warship.", "2024-02-05", STR, "Disrupted weapons use", None, None),
    ("On 15 September 2022, the Azerbaijani army opened fire with mortars and large-calibre weapons on Armenian "
     "army positions near Jermuk (Vayots Dzor). No casualties were reported.", "2022-09-16", EXP,
     "Shelling/artillery/missile attack", None, None),
    ("On 20 January 2020, JNIM militants entered the village of Sinkoyo (Mopti) and ordered women to wear the veil "
     "and men to grow beards, threatening those who refuse.", "2020-01-27", STR, "Other", None, None),
    ("On 6 November 2022, an Al Shabaab suicide bomber driving a vehicle loaded with explosives rammed into an SNA "
     "base in Beledweyne (Hiraan), killing 8 soldiers.", "2022-11-08", EXP, "Suicide bomb", 8, None),
    ("On 29 April 2023, CODECO militiamen attacked Bule (Djugu, Ituri) and fought with FARDC soldiers for several "
     "hours. 3 soldiers and 6 militiamen were killed.", "2023-05-02", BAT, "Armed clash", 9, None),
    ("On 10 August 2021, hundreds of Hazara residents held a demonstration in Quetta (Balochistan) to denounce the "
     "killing of coal miners. [size=hundreds]", "2021-08-12", PRO, "Peaceful protest", None, None),
]
