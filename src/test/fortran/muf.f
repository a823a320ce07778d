c     VOACAP's method 26 (GEOM, then per hour VIRTIM, TIMVAR, F2VAR, IONSET and CURMUF with LECDEN, GETHP and
c     F2DIS) on circuits of three control points (2,000-4,000 km) and one long path, every hour, three month and
c     sunspot cases: src/test/resources/propagation/voacap-muf.txt for MufAgainstVoacapTest, and the areas'
c     ionograms (voacap-ionogram.out: src/test/resources/propagation/voacap-ionogram.txt) for IonogramTest. The
c     coefficients are read from the ASCII files and interpolated as REDMAP does.
      program muf
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
      integer months(3), longp(8)
      real ssns(3), c(4,8), freqs(4)
      data freqs/5.9,9.5,15.3,21.6/
      data months/1,4,7/, ssns/10.,70.,140./
c     Tangier-Belgrade, Hwaseong-Hanoi, Sydney-Wellington, Bogota-Miami (three control points); Tangier-Belgrade
c     the long way; then, for the modes only, Tashkent, Hwaseong and Nauen to Pyongyang (one control point, five)
      data c/35.80,-5.90,44.90,20.50, 37.21,126.78,21.03,105.85,
     + -33.9,151.2,-41.3,174.8, 4.6,-74.1,25.8,-80.2,
     + 35.80,-5.90,44.90,20.50, 41.32,69.25,39.02,125.75,
     + 37.21,126.78,39.02,125.75, 52.65,12.91,39.02,125.75/
      data longp/0,0,0,0,1,0,0,0/
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
      do 500 icase=1,3
      month=months(icase)
      ssn=ssns(icase)
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
      if(icase.eq.1) open(9,file='voacap-ionogram.out')
      if(icase.eq.1) open(10,file='voacap-modes.out')
      if(icase.eq.1) open(11,file='voacap-rays.out')
      if(icase.eq.1) open(12,file='voacap-hops.out')
      do 400 ip=1,8
      TLATD=c(1,ip)
      TLONGD=c(2,ip)
      RLATD=c(3,ip)
      RLONGD=c(4,ip)
      NPSL=longp(ip)
      CALL GEOM
      CALL SANG
      do 400 ih=1,24
      GMT=ih
      IT=ih
      CALL VIRTIM
      CALL TIMVAR
      CALL F2VAR
      CALL IONSET
      CALL CURMUF
      if(ip.gt.5) go to 290
      write(*,1) ip,NPSL,month,ssn,ih,KM,GCDKM,EMUF(IT),F1MUF(IT),
     +  F2MUF(IT),ALLMUF(IT),FOT(IT),HPF(IT)
c     each area's ionogram as LUFFY makes it after CURMUF (LECDEN again, then GENION), every third hour of January
c     and July: voacap-ionogram.txt
290   if(icase.eq.2 .or. mod(ih,3).ne.0) go to 400
      do 300 k=1,KFX
      CALL LECDEN(k)
      CALL GENION(k)
      if(ip.le.5) write(9,2) ip,NPSL,month,ssn,ih,k,(FVERT(i,k),
     +  HPRIM(i,k),HTRUE(i,k),i=1,30)
c     the reflectrix (FOBBY, over SANG's angles) and the deviative loss factors (ALOSFV) of every area, every twelfth
c     hour, not on circuits 2-4: voacap-modes.txt
      if(mod(ih,12).ne.0 .or. (ip.ge.2 .and. ip.le.4)) go to 300
      CALL FOBBY(k)
      CALL ALOSFV(k)
      write(10,3) ip,NPSL,month,ssn,ih,k,TLATD,TLONGD,RLATD,RLONGD,
     +  NANG,(AFAC(i,k),i=1,30),
     +  ((IFOB(ja,i,k),ja=1,NANG),i=1,30)
c     the ray set of four frequencies (FINDF with PENANG) on the reference's circuits: voacap-rays.txt
      if(ip.le.5) go to 300
      do 280 jf=1,4
      FREQ=freqs(jf)
      IAFTXR(k)=0
      CALL FINDF(k)
      write(11,4) ip,month,ssn,ih,k,FREQ,(DELPEN(i,k),i=1,3),DSKPKM(k),
     +  DELSKP(k),HPSKP(k),HTSKP(k),FVSKP(k),ISKP(k),DMAXKM(k),
     +  IAFTXR(k),(DELFX(i,k),HPFLX(i,k),HTFLX(i,k),GDFLX(i,k),
     +  FVFLX(i,k),IMODE(i,k),AFFLX(i,k),i=1,IAFTXR(k))
c     LUFFY's hop range, then each hop's modes (FDIST): voacap-hops.txt
      IHMIN=NHOPMF(1)
      IF(NHOPMF(2).GT.0.AND.NHOPMF(2).LT.IHMIN)IHMIN=NHOPMF(2)
      IF(NHOPMF(3).LT.IHMIN)IHMIN=NHOPMF(3)
      IF(DMAXKM(k).le.0.) then
        IHSRT = IHMIN
        IHSTP = IHMIN
      else
        IHSRT = GCDKM/DMAXKM(K) + 1.
        IHMAX = GCDKM/DSKPKM(K)
        IF(IHSRT.LT.IHMIN)IHSRT = IHMIN
        IF(IHMAX.LT.IHSRT)IHMAX = IHSRT
        IHSTP =MIN0(IHMAX,IHSRT+2)
        IF(IHSRT.GT.IHMIN)IHSRT=MAX0(IHMIN,IHSTP-2)
      endif
      do 275 ihop=IHSRT,IHSTP
      GHOP = GCD/ihop
      CALL FDIST(ihop,k,NUMMOD)
      write(12,5) ip,month,ssn,ih,k,FREQ,ihop,NUMMOD,(DELMOD(i,k),
     +  HPMOD(i,k),HTMOD(i,k),FVMOD(i,k),ITMOD(i,k),AFMOD(i,k),
     +  i=1,NUMMOD)
275   continue
280   continue
300   continue
400   continue
500   continue
1     format(2i2,i3,f5.0,i3,i2,f9.1,6f9.4)
2     format(2i2,i3,f5.0,i3,i2,30(f8.4,2f8.2))
3     format(2i2,i3,f5.0,i3,i2,4f8.2,i3,30f9.4,1200i6)
5     format(i2,i3,f5.0,i3,i2,f6.2,i3,i2,6(f8.3,2f9.2,f8.4,i2,f8.4))
4     format(i2,i3,f5.0,i3,i2,f6.2,3f8.3,f10.2,4f9.3,i2,f10.2,i3,
     +  45(f8.3,3f9.2,f8.4,i2,f8.4))
      end
