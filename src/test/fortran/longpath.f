c     VOACAP's long-path model of method 30 (LUFFY with IPFG = 200) as its own routines run it: GEOM, then per hour
c     VIRTIM, TIMVAR, F2VAR, IONSET, CURMUF, SELMOD, at the transmitter's end (area 1) and the receiver's (area KFX)
c     LECDEN, GENION, FOBBY, ALOSFV, then SETLNG and SIGDIS; per frequency FINDF at both ends, GMLOSS (SETTXR),
c     SELTXR and LNGPAT. Antennas of constant gain (2.5 dBi transmitting, -1 dBi receiving), 500 kW; no sporadic E
c     (ESIND is not called, as the reference's FPROB). Four circuits (Nauen to Pyongyang, 7,950 km; Nauen to
c     Sydney and Tashkent to Lima, over 10,000 km; Tashkent to Pyongyang, 4,000-7,000 km), January and July at SSN
c     10 and 140, 0 and 12 UTC, 5.9 9.5 15.3 21.6 MHz: src/test/resources/propagation/voacap-longpath.txt for
c     LongPathAgainstVoacapTest.
      program longpath
      use cversn
      common /Cnorth_pole/ g_magnetic_lat,g_magnetic_lon
      COMMON / ION / IHRE, IHRO, IHRS, LUFP, METHOD, NOISE, NPSL
      COMMON / DATR / WT(20), XT(20), NT, NPL, XNPL, TWDIV
      COMMON/MUFS/EMUF(24),F1MUF(24),F2MUF(24),ESMUF(24),ALLMUF(24)
     A,FOT(24),XLUF(24),HPF(24),ANGMUF(24),MODMUF,SIGL(4),SIGU(4),DELMUF
     B (4),HPMUF(4),HTMUF(4),FVMUF(4),AFMUF(4),NHOPMF(4),YFOT(4),YHPF(4)
     C ,YMUF(4)
      COMMON/ES/FS(3,5),HS(5)
      COMMON /CON /D2R, DCL, GAMA, PI, PI2, PIO2, R2D, RZ, VOFL
      COMMON /RON /CLAT(5), CLONG(5), GLAT(5), RD(5), FI(3,5), YI(3,5),
     1HI(3,5), HPRIM(30,5), HTRUE(30,5), FVERT(30,5),KM,KFX, AFAC(30,5),
     2HTR(50,3), FNSQ(50,3)
      COMMON /GEOG /GYZ (5), RAT (5), GMDIP (5), CLCK (5), ABIY (5), ART
     1IC (5), SIGPAT (5), EPSPAT (5)
      COMMON /A11 /GAMMA (6)
      COMMON / ONE /   IA(6), IB(6), IKIM(10,6), ESLCOF(5,55),
     1                 ESMCOF(7,61), ESUCOF(5,55), F2COF(13,76),
     2                 FM3COF(9,49), ERCOF(9,22)
      COMMON / TIME / IT, GMT, UTIME(24), GMTR, XLMT(24), ITIM, JTX
      COMMON / TWO / TF2D(16,6,6), P(29,16,8), ABP(2,9), TDUD(5,12,5),
     A TFAM(14,12), TSYS(9,16,6), TPERR(9,4,6)
      COMMON /FONE/ ANEW(3),BNEW(3),ACHI(2),BCHI(2)
      COMMON /DON /ALATD, AMIN, AMIND, BTR, BTRD, DLONG, DMP, ERTR, GCD,
     1 GCDKM, PMP, PWR, TLAT, TLATD, TLONG, TLONGD, RSN, SIGTR, RLAT,
     2 RLATD,RLONG,RLONGD,BRTD,FLUX,ULAT,ULATD,ULONG,ULONGD,SSN,D90R,
     3 D50R,D10R,D90S,D50S,D10S
      COMMON / SSP / SUN(2,12), MONTH
      COMMON / MFAC / F2M3(5),HPF2(5),ZENANG(5),ZENMAX(5),IEDP,FSECV(3)
      COMMON/RAYS/ANG(40),IFOB(40,30,5),NANG
      COMMON/FRQ/FREA(13),FREL(29),FREQ,JMODE,ITXRCP(2)
      COMMON/REFLX/DELFX(45,3),HPFLX(45,3),HTFLX(45,3),GDFLX(45,3),FVFLX
     A (45,3),DSKPKM(3),DELSKP(3),HPSKP(3),HTSKP(3),DMAXKM(3),FVSKP(3)
     B ,ISKP(3),IMODE(45,3),AFFLX(45,3),DELPEN(3,5),GML(45,3),FHP(45,3)
      COMMON /MODES /GHOP, DELMOD (6, 3), HPMOD (6, 3), HTMOD (6, 3), FV
     1MOD (6, 3), ITMOD (6, 3), AFMOD (6, 3)
      COMMON/LOSX/ANDVX(45,3),ADVX(45,3),AOFX(45,3),ARFX(45,3),GRLOSX(45
     A ,3),TGAINX(45,3),TLSKM(45,3),EFFlp(45),IAFTXR(3)
      DIMENSION XESLCF(5,55,2), XESMCF(7,61,2), XESUCF(5,55,2),
     A XFM3CF(9,49,2),XERCOF(9,22,2),XF2COF(13,76,2)
      dimension DUD(5,12,5),FAM(14,12),SYS(9,16,6),FAKP(29,16,6),
     A FAKABP(2,6),FAKMAP(29,16),
     B ABMAP(2,3),F2D(16,6,6),PERR(9,4,6),XPMAP(29,16,2)
      DIMENSION IIA (6), IIB (6)
      character name*40
      DATA IIA / 1,276,703,978,1966,2407 /
      DATA IIB / 5, 7, 5, 13, 9, 9 /
      COMMON/SIGD/DSL,ASM,DSU,AGLAT,DSLF,ASMF,DSUF,ACAV,FEAV,AFE,BFE,HNU
     A ,HTLOSS,XNUZ,XVE
      COMMON/LPATH/ GCDLNG,TXRGML(45,2),DELOPT,GMIN,YMIN,LTXRGM(2)
      COMMON / allMODE /ABPS(20),CREL(20),FLDST(20),HN(20),HPA(20),
     1PROB(20),RELY(20),RGAIN(20),SIGPOW(20),SN(20),
     2SPRO(20),TGAIN(20),TIMED(20),TLOSS(20),B(20),FSLOS(20),
     3grlos(20),adv(20),obf(20),
     CNMODE(20),TLLOW(20),TLHGH(20),EFF(20),NREL,NMMOD
      common /cantenna/ numants,iats(20),anttype(20),antname(20),
     +                  xfqs(20),xfqe(20),designfreq(20),antfile(20),
     +                  beammain(20),offazim(20),cond(20),diel(20),
     +                  array(30,91,20),aeff(30,20)
      character anttype*10,antname*70,antfile*24
      common /pantenna/ pwrkw(20),pwrdba(20)
      integer months(2), jt(2)
      real ssns(2), c(4,4), freqs(4), gains(2)
      data freqs/5.9,9.5,15.3,21.6/
      data months/1,7/, ssns/10.,140./
      data c/52.65,12.91,39.02,125.75, 52.65,12.91,-33.87,151.21,
     + 41.32,69.25,39.02,125.75, 41.32,69.25,-12.05,-77.04/
      data gains/2.5,-1./
      g_magnetic_lat=79.5
      g_magnetic_lon=-69.0
      versn = '16.1207W'
      NT = 20
      NPL = 1
      XNPL = NPL
      TWDIV = 1. / (2. ** NPL)
      do i=1,6
      IA(i)=IIA(i)
      IB(i)=IIB(i)
      end do
      numants=2
      do 20 iat=1,2
      iats(iat)=iat
      xfqs(iat)=1.
      xfqe(iat)=40.
      offazim(iat)=0.
      do 10 i=1,30
      aeff(i,iat)=0.
      do 10 j=1,91
10    array(i,j,iat)=gains(iat)
20    continue
      pwrkw(1)=500.
      pwrdba(1)=10.*alog10(500.*1000.)
      open(13,file='voacap-longpath.out')
      do 500 icase=1,4
      month=months((icase+1)/2)
      ssn=ssns(2-mod(icase,2))
      write(name,'(a,i2.2,a)') '../shared/data/itshfbc/coeff',
     +   month,'.asc'
      open(19,file=name,status='old')
      read(19,98) name
      read (19,98) name
      read (19,97) IKIM
      read (19,98) name
      read (19,99) DUD
      read (19,98) name
      read (19,99) FAM
      read (19,98) name
      read (19,99) SYS
      read (19,98) name
      read (19,99) FAKP
      read (19,98) name
      read (19,99) FAKABP
      read (19,98) name
      read (19,99) XFM3CF
      read (19,98) name
      read (19,99) ANEW,BNEW,ACHI,BCHI
      read (19,98) name
      read (19,99) FAKMAP
      read (19,98) name
      read (19,99) ABMAP
      read (19,98) name
      read (19,99) F2D
      read (19,98) name
      read (19,99) PERR
      read (19,98) name
      read (19,99) XESMCF
      read (19,98) name
      read (19,99) XPMAP
      read (19,98) name
      read (19,99) XESLCF
      read (19,98) name
      read (19,99) XESUCF
      read (19,98) name
      read (19,99) XERCOF
      close(19)
      open(19,file='../shared/data/itshfbc/fof2CCIR.asc')
      read(19,98) name
      do m=1,month
      read(19,98) name
      read(19,99) XF2COF
      end do
      close(19)
97    format(10I5)
98    format(a)
99    format(6e15.8)
      SSN100=100.-SSN
      DO 200 I=1,13
      DO 200 J=1,76
200   F2COF(I,J)=(XF2COF(I,J,1)*SSN100 + XF2COF(I,J,2)*SSN)/100.
      SSN150=150.-SSN
      SSN10=SSN-10.
      DO 210 I = 1,7
      DO 210 J = 1,61
210   ESMCOF(I,J)=(XESMCF(I,J,1)*SSN150 + XESMCF(I,J,2)*SSN10)/140.
      DO 230 I = 1,5
      DO 230 J = 1,55
      ESLCOF(I,J)=(XESLCF(I,J,1)*SSN150 + XESLCF(I,J,2)*SSN10)/140.
230   ESUCOF(I,J)=(XESUCF(I,J,1)*SSN150 + XESUCF(I,J,2)*SSN10)/140.
      DO 240 I = 1,9
      DO 240 J = 1,49
240   FM3COF(I,J)=(XFM3CF(I,J,1)*SSN100 + XFM3CF(I,J,2)*SSN)/100.
      DO 250 I = 1,9
      DO 250 J = 1,22
250   ERCOF(I,J)=(XERCOF(I,J,1)*SSN150 + XERCOF(I,J,2)*SSN10)/140.
      DO 260 I=1,29
      DO 260 J=1,16
      DO 255 K=1,6
255   P(I,J,K)=FAKP(I,J,K)
      P(I,J,7)=FAKMAP(I,J)
260   P(I,J,8)=(XPMAP(I,J,1)*(125.-SSN) + XPMAP(I,J,2)*(SSN-25.))/100.
      DO 270 J=1,2
      DO 265 K=1,6
265   ABP(J,K)=FAKABP(J,K)
      DO 270 K=1,3
270   ABP(J,6+K)=ABMAP(J,K)
      TF2D = F2D
      TDUD = DUD
      TFAM = FAM
      TSYS = SYS
      TPERR = PERR
      do 400 ip=1,4
      TLATD=c(1,ip)
      TLONGD=c(2,ip)
      RLATD=c(3,ip)
      RLONGD=c(4,ip)
      NPSL=0
      CALL GEOM
      CALL SANG
      do 400 ih=12,24,12
      GMT=ih
      IT=ih
      CALL VIRTIM
      CALL TIMVAR
      CALL F2VAR
      CALL IONSET
      CALL CURMUF
      CALL SELMOD
c     LUFFY's long path: the transmitter's end, then the receiver's (area 2, SETLNG's copy, with one area)
      ITXRCP(1)=1
      CALL LECDEN(1)
      CALL GENION(1)
      CALL FOBBY(1)
      CALL ALOSFV(1)
      ITXRCP(2)=KFX
      if(KFX.eq.1) then
        ITXRCP(2)=2
      else
        CALL LECDEN(KFX)
        CALL GENION(KFX)
        CALL FOBBY(KFX)
        CALL ALOSFV(KFX)
      endif
      CALL SETLNG
      CALL SIGDIS
      do 300 jf=1,4
      FREQ=freqs(jf)
      CALL FINDF(ITXRCP(1))
      CALL FINDF(ITXRCP(2))
      CALL GMLOSS
      CALL SELTXR
      CALL LNGPAT
      do 290 jj=1,2
290   jt(jj)=LTXRGM(jj)
      write(13,1) ip,month,ssn,ih,FREQ,GCDKM,KFX,JMODE,MODMUF,
     + ACAV,FEAV,AFE,BFE,HNU,HTLOSS,XNUZ,XVE,ASM,DSL,DSU,
     + (jt(jj),IAFTXR(ITXRCP(jj)),DELFX(jt(jj),ITXRCP(jj)),
     + HPFLX(jt(jj),ITXRCP(jj)),GDFLX(jt(jj),ITXRCP(jj)),
     + IMODE(jt(jj),ITXRCP(jj)),ANDVX(jt(jj),ITXRCP(jj)),
     + ADVX(jt(jj),ITXRCP(jj)),GRLOSX(jt(jj),ITXRCP(jj)),
     + TGAINX(jt(jj),ITXRCP(jj)),jj=1,2),
     + HN(1),HPA(1),B(1),B(2),NMODE(1),NMODE(2),FSLOS(1),TLOSS(1),
     + SIGPOW(1),TLLOW(1),TLHGH(1),PROB(1)
300   continue
400   continue
500   continue
1     format(i2,i3,f5.0,i3,f6.2,f10.2,3i2,11f12.7,
     + 2(2i3,f8.3,2f9.2,i2,4f10.4),f8.4,f9.2,2f8.3,2i2,6f10.4)
      end
